/**
 * Zustand stores built one way: every store can be subscribed to by selector, and a store that keeps
 * the listener's choices persists them through one versioned, validated localStorage format.
 *
 * Storage is untrusted. Each stored field passes its own valibot schema or is dropped (the default
 * stays), an entry from an unknown version is dropped whole, and storage that throws (private mode,
 * a full quota, a sandbox) never breaks an action: the choice then holds for this visit only.
 * Entries are written flat, `{ "version": 2, ...fields }`, which is also how every earlier release of
 * this player stored them; an entry without a version counts as version 1.
 */
import * as v from "valibot";
import { createStore, type StateCreator } from "zustand";
import { subscribeWithSelector } from "zustand/middleware";

/** A store whose `subscribe(selector, listener)` fires only when the selected value changes. */
export function createSelectableStore<S extends object>(
  initial: StateCreator<S, [["zustand/subscribeWithSelector", never]]>,
) {
  return createStore<S>()(subscribeWithSelector(initial));
}

type FieldSchemas<P> = { [K in keyof P]-?: v.GenericSchema<unknown, P[K]> };

export interface PersistedOptions<S, P> {
  /** The localStorage key. */
  key: string;
  version: number;
  /** One schema per stored field. */
  fields: FieldSchemas<P>;
  /** What of the state to keep; an empty object removes the entry (nothing to remember). */
  pick(state: S): Partial<P>;
  /** Earlier versions whose fields still mean the same; their valid fields are kept. */
  compatibleVersions?: readonly number[];
  /**
   * Builds the state from the valid stored fields (default: lays them over the initial state). Return
   * null to reject the entry as a whole (say, a token past its age): it is then removed from storage.
   */
  restore?(stored: Partial<P>, current: S): S | null;
}

const LEGACY_VERSION = 1;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The fields of `raw` that pass their schemas; everything else is left out. */
export function validFields<P>(fields: FieldSchemas<P>, raw: unknown): Partial<P> {
  if (!isRecord(raw)) return {};
  const out: Partial<P> = {};
  for (const key of Object.keys(fields) as (keyof P & string)[]) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = v.safeParse(fields[key], raw[key]);
    if (parsed.success) out[key] = parsed.output;
  }
  return out;
}

interface StorageValue<T> {
  state: T;
  version: number;
}

/** Reads one stored entry as `{ state, version }`, or null when absent or not ours. */
export function readStoredEntry(raw: string | null): StorageValue<unknown> | null {
  if (!raw) return null;
  try {
    const data: unknown = JSON.parse(raw);
    if (!isRecord(data)) return null;
    const { version, ...state } = data;
    return { state, version: typeof version === "number" ? version : LEGACY_VERSION };
  } catch {
    return null;
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function load(key: string): StorageValue<unknown> | null {
  try {
    return readStoredEntry(localStorageOrNull()?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

function save(key: string, version: number, fields: object) {
  try {
    const storage = localStorageOrNull();
    if (Object.keys(fields).length === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ version, ...fields }));
  } catch {
    // Private mode or a full quota: the choice holds for this visit.
  }
}

const sameFields = (a: object, b: object) => {
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
};

/**
 * A selectable store that restores `options.fields` from localStorage at creation and saves the picked
 * fields whenever they change. (zustand's own `persist` does the same and more: asynchronous storages,
 * hydration events, migrations. None of that is needed here, and it cost a kilobyte of the first screen.)
 */
export function createPersistedStore<S extends object, P extends Partial<S>>(
  initial: () => S,
  options: PersistedOptions<S, P>,
) {
  const { key, version, fields } = options;
  const compatible = new Set([version, ...(options.compatibleVersions ?? [])]);
  const restore = options.restore ?? ((stored: Partial<P>, current: S) => ({ ...current, ...stored }));
  const store = createSelectableStore<S>(() => {
    const current = initial();
    const entry = load(key);
    if (!entry) return current;
    const restored = compatible.has(entry.version)
      ? restore(validFields(fields, entry.state), current)
      : null;
    if (restored) return restored;
    // Not ours, too old, or refused as a whole: it must not come back.
    save(key, version, {});
    return current;
  });
  store.subscribe(options.pick, (picked) => save(key, version, picked), { equalityFn: sameFields });
  return store;
}
