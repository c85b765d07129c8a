import * as v from "valibot";
import { useStore } from "zustand";
import type { StreamFormat } from "@/lib/config";
import { createPersistedStore } from "@/lib/persisted-store";

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

/** Why playback needs the listener; the words are looked up when shown, in the page's language. */
export type PlayerNotice = "blockedByBrowser" | "gaveUp";

interface PlayerState extends Preferences {
  status: PlaybackStatus;
  notice: PlayerNotice | null;
  /** When the sleep timer stops playback (epoch ms), or null. Not persisted. */
  sleepAt: number | null;
}

const FORMATS = ["vorbis", "opus", "mp3"] as const;

const initial = (): PlayerState => ({
  volume: 0.8,
  muted: false,
  stream: "auto",
  formatBroken: null,
  status: "stopped",
  notice: null,
  sleepAt: null,
});

const store = createPersistedStore<PlayerState, Preferences>(initial, {
  key: "lm.player.v1",
  version: 1,
  fields: {
    volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    muted: v.boolean(),
    stream: v.picklist(["auto", ...FORMATS]),
    formatBroken: v.nullable(v.picklist(FORMATS)),
  },
  pick: ({ volume, muted, stream, formatBroken }) => ({ volume, muted, stream, formatBroken }),
});

export const usePlaybackStatus = () => useStore(store, (s) => s.status);
export const usePlayerNotice = () => useStore(store, (s) => s.notice);
export const useVolume = () => useStore(store, (s) => s.volume);
export const useMuted = () => useStore(store, (s) => s.muted);
export const useStreamPreference = () => useStore(store, (s) => s.stream);
export const useSleepAt = () => useStore(store, (s) => s.sleepAt);
export const getPlayerState = () => store.getState();

export function playbackChanged(status: PlaybackStatus, notice: PlayerNotice | null = null) {
  store.setState({ status, notice });
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

/** Calls `listener` with the selected value whenever it changes. */
export const subscribeToPlayer = <T>(select: (s: PlayerState) => T, listener: (value: T) => void) =>
  store.subscribe(select, listener);

export function resetPlayerStore() {
  store.setState(initial(), true);
}
