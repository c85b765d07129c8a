/**
 * Composition: the last known song and history of each station, kept in localStorage so the page
 * opens with them (offline too) before the gateway answers. Restored through the same schemas as
 * live frames, because storage is untrusted.
 */
import * as v from "valibot";

import type { HistoryEntry } from "@/features/now-playing/model/apply-track-update";
import {
  getNowPlaying,
  historyRestored,
  subscribeToTrack,
  trackUpdated,
} from "@/features/now-playing/now-playing-store";
import type { Song } from "@/lib/song";
import { boundedList, songSchema, trackUpdateSchema } from "@/lib/song-schema";
import { STATIONS, type StationId } from "@/lib/stations";

const STORAGE_KEY = "lm.now-playing.v1";
const KEEP_HISTORY = 20;

/** Back to the wire shape, so restoring goes through the gateway's own validation. */
function toWire(song: Song) {
  const { artists, ...rest } = song;
  return {
    ...rest,
    artists: artists.map(({ characterIds, ...artist }) => ({
      ...artist,
      characters: characterIds.map((id) => ({ id })),
    })),
  };
}

function snapshot(station: StationId) {
  const { track, listeners, history } = getNowPlaying(station);
  if (!track) return null;
  return {
    update: {
      song: toWire(track.song),
      requester: track.requester,
      event: track.event,
      startTime: new Date(track.startedAt).toISOString(),
      lastPlayed: [],
      listeners: listeners ?? undefined,
    },
    history: history
      .slice(0, KEEP_HISTORY)
      .map((entry) => ({ song: toWire(entry.song), playedAt: entry.playedAt })),
  };
}

const savedHistory = boundedList(
  v.object({ song: songSchema, playedAt: v.nullable(v.pipe(v.number(), v.finite())) }),
  KEEP_HISTORY,
);

export function restoreSnapshot(now = Date.now()) {
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "{}");
  } catch {
    return;
  }
  for (const station of STATIONS) {
    const entry = saved?.[station] as { update?: unknown; history?: unknown } | undefined;
    const update = v.safeParse(trackUpdateSchema, entry?.update);
    if (!update.success) continue;
    trackUpdated(station, update.output, now);
    const history = v.safeParse(savedHistory, entry?.history);
    if (history.success) historyRestored(station, history.output as HistoryEntry[]);
  }
}

export function startSnapshotting(): () => void {
  return subscribeToTrack(() => {
    try {
      const data = Object.fromEntries(STATIONS.map((station) => [station, snapshot(station)]));
      localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
    } catch {
      // Full or unavailable storage: the page still works, it just opens without a cached song.
    }
  });
}

/** A stored song that cannot be drawn must not come back with every reload. */
export function forgetSnapshot() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, or no storage: nothing to forget.
  }
}
