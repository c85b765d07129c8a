import { createStore, useStore } from "zustand";
import type { StreamFormat } from "@/lib/config";

export type PlaybackStatus =
  | "stopped"
  | "connecting"
  | "playing"
  | "buffering"
  | "recovering"
  | "failed"
  | "blocked"
  /** The stream decodes but the sound device fails or is gone; plays again when it is back. */
  | "no-output";

export type StreamPreference = "auto" | StreamFormat;

interface Preferences {
  volume: number;
  muted: boolean;
  stream: StreamPreference;
  /** Set when the preferred format failed to decode here; automatic choice then uses MP3. */
  formatBroken: StreamFormat | null;
}

interface PlayerState extends Preferences {
  status: PlaybackStatus;
  message: string | null;
  /** When the sleep timer stops playback (epoch ms), or null. Not persisted. */
  sleepAt: number | null;
}

const STORAGE_KEY = "lm.player.v1";
const DEFAULTS: Preferences = { volume: 0.8, muted: false, stream: "auto", formatBroken: null };
const FORMATS: readonly string[] = ["vorbis", "opus", "mp3"];

/** Storage is untrusted: take only fields that are present and valid. */
export function readPreferences(raw: string | null): Preferences {
  try {
    const data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const volume =
      typeof data.volume === "number" && data.volume >= 0 && data.volume <= 1 ? data.volume : null;
    const stream =
      typeof data.stream === "string" && ["auto", ...FORMATS].includes(data.stream) ? data.stream : null;
    const broken =
      typeof data.formatBroken === "string" && FORMATS.includes(data.formatBroken) ? data.formatBroken : null;
    return {
      volume: volume ?? DEFAULTS.volume,
      muted: typeof data.muted === "boolean" ? data.muted : DEFAULTS.muted,
      stream: (stream as StreamPreference | null) ?? DEFAULTS.stream,
      formatBroken: broken as StreamFormat | null,
    };
  } catch {
    return DEFAULTS;
  }
}

function loadPreferences(): Preferences {
  try {
    return readPreferences(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULTS;
  }
}

function savePreferences({ volume, muted, stream, formatBroken }: Preferences) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ volume, muted, stream, formatBroken }));
  } catch {
    // Private mode or a full quota: the setting still applies for this visit.
  }
}

const store = createStore<PlayerState>(() => ({
  ...loadPreferences(),
  status: "stopped",
  message: null,
  sleepAt: null,
}));

store.subscribe((next, prev) => {
  if (
    next.volume !== prev.volume ||
    next.muted !== prev.muted ||
    next.stream !== prev.stream ||
    next.formatBroken !== prev.formatBroken
  ) {
    savePreferences(next);
  }
});

export const usePlaybackStatus = () => useStore(store, (s) => s.status);
export const usePlayerMessage = () => useStore(store, (s) => s.message);
export const useVolume = () => useStore(store, (s) => s.volume);
export const useMuted = () => useStore(store, (s) => s.muted);
export const useStreamPreference = () => useStore(store, (s) => s.stream);
export const useSleepAt = () => useStore(store, (s) => s.sleepAt);
export const getPlayerState = () => store.getState();

export function playbackChanged(status: PlaybackStatus, message: string | null = null) {
  store.setState({ status, message });
}

export function volumeChanged(volume: number) {
  store.setState({ volume: Math.min(1, Math.max(0, volume)), muted: false });
}

export function muteToggled() {
  store.setState((s) => ({ muted: !s.muted }));
}

export function streamPreferenceChanged(stream: StreamPreference) {
  store.setState({ stream });
}

export function sleepTimerChanged(sleepAt: number | null) {
  store.setState({ sleepAt });
}

export function formatFailed(format: StreamFormat) {
  store.setState({ formatBroken: format });
}

export function subscribeToPlayer<T>(select: (s: PlayerState) => T, listener: (value: T) => void) {
  return store.subscribe((next, prev) => {
    const value = select(next);
    if (!Object.is(value, select(prev))) listener(value);
  });
}
