// Crafted data for hostile-data tests, behind two control actions:
//   POST /__control/inject  {station, song?, requester?, event?, lastPlayed?, startTime?}
//     broadcasts one TRACK_UPDATE built from the station's current payload with those fields
//     replaced (`song` is merged over the current song and gets a fresh id unless it names one;
//     `startTime` defaults to now, so clients take it as the newest song).
//   POST /__control/profile {username, displayName?, avatarImage?}
//     overrides what GraphQL says about a user (user(@me), user(name), login results).
// Neither touches the catalogue, the station clocks or the accounts: `reset` forgets the overrides,
// and the next real TRACK_UPDATE carries the catalogue song again.

import { findProfile } from "./accounts.mjs";

/** Injected songs get ids far above the catalogue's, one per injection, so each is a new song. */
export const INJECTED_SONG_ID_BASE = 9_000_000;

const PROFILE_FIELDS = ["displayName", "avatarImage"];

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Checks an inject body; returns an error message, or null when it is usable.
 * @param {Record<string, unknown>} spec
 */
export function checkInjectSpec(spec) {
  if (spec.song !== undefined && !isObject(spec.song)) return "song must be an object";
  for (const key of ["requester", "event"]) {
    if (spec[key] !== undefined && spec[key] !== null && !isObject(spec[key]))
      return `${key} must be an object or null`;
  }
  if (spec.lastPlayed !== undefined && !Array.isArray(spec.lastPlayed)) return "lastPlayed must be an array";
  if (spec.startTime !== undefined && spec.startTime !== null && typeof spec.startTime !== "string")
    return "startTime must be a string or null";
  return null;
}

/**
 * The `d` of a crafted TRACK_UPDATE: `base` (the station's current payload) with the spec's fields.
 * @param {Record<string, unknown> & {song: object}} base
 * @param {{song?: object, requester?: object|null, event?: object|null, lastPlayed?: unknown[], startTime?: string|null}} spec
 * @param {number} id the song id to use unless `spec.song.id` names one
 * @param {number} [now]
 */
export function craftedPayload(base, spec, id, now = Date.now()) {
  return {
    ...base,
    song: { ...base.song, id, ...(spec.song ?? {}) },
    requester: spec.requester !== undefined ? spec.requester : base.requester,
    event: spec.event !== undefined ? spec.event : base.event,
    startTime: spec.startTime !== undefined ? spec.startTime : new Date(now).toISOString(),
    lastPlayed: spec.lastPlayed ?? base.lastPlayed,
  };
}

/** Per-user overrides of public profile fields, applied to every GraphQL user object. */
export function createProfileOverrides() {
  /** @type {Map<string, Record<string, string|null>>} */
  let table = new Map();
  return {
    /**
     * @param {Record<string, unknown>} spec `{username, displayName?, avatarImage?}`
     * @returns {string|null} an error message, or null once applied
     */
    set(spec) {
      if (typeof spec.username !== "string" || !findProfile(spec.username)) return "unknown username";
      const patch = {};
      for (const key of PROFILE_FIELDS) {
        if (spec[key] === undefined) continue;
        if (spec[key] !== null && typeof spec[key] !== "string") return `${key} must be a string or null`;
        patch[key] = spec[key];
      }
      table.set(spec.username.toLowerCase(), { ...(table.get(spec.username.toLowerCase()) ?? {}), ...patch });
      return null;
    },
    /** The profile with its overrides (the same object when there are none). */
    apply(profile) {
      const patch = profile?.username ? table.get(String(profile.username).toLowerCase()) : undefined;
      return patch ? { ...profile, ...patch } : profile;
    },
    snapshot() {
      return Object.fromEntries(table);
    },
    reset() {
      table = new Map();
    },
  };
}
