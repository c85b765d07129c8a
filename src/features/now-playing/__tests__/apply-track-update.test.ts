import { describe, expect, it } from "vitest";
import type { TrackUpdate } from "@/lib/song";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import {
  applyTrackUpdate,
  EMPTY_STATION,
  HISTORY_LIMIT,
  type HistoryEntry,
} from "../model/apply-track-update";
import { mergeLoadedHistory } from "../model/merge-loaded-history";

const now = Date.parse("2026-11-28T12:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

function update(
  id: number,
  startedAt: number,
  options: { listeners?: number; lastPlayed?: number[] } = {},
): TrackUpdate {
  return parsedTrackUpdate(
    trackUpdate(rawSong(id, `Song ${id}`), {
      startTime: iso(startedAt),
      listeners: options.listeners,
      lastPlayed: (options.lastPlayed ?? [id + 1000, id + 2000]).map((n) =>
        rawSong(n, `Song ${n}`, { duration: 0 }),
      ),
    }),
  );
}

describe("applyTrackUpdate", () => {
  it("starts history from lastPlayed, most recent first", () => {
    const state = applyTrackUpdate(EMPTY_STATION, update(1, now, { lastPlayed: [7, 8] }), now);
    expect(state.track?.song.id).toBe(1);
    expect(state.history.map((h) => h.song.id)).toEqual([7, 8]);
  });

  it("moves the finished song to the top of history with its start time and real duration", () => {
    let state = applyTrackUpdate(EMPTY_STATION, update(1, now - 200_000, { lastPlayed: [7, 8] }), now);
    state = applyTrackUpdate(state, update(2, now, { lastPlayed: [1, 7] }), now);
    expect(state.history.map((h) => h.song.id)).toEqual([1, 7, 8]);
    expect(state.history[0].playedAt).toBe(now - 200_000);
    expect(state.history[0].song.duration).toBe(200);
  });

  it("keeps growing past lastPlayed, deduplicated, up to the limit", () => {
    let state = EMPTY_STATION;
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) {
      state = applyTrackUpdate(state, update(i % 25, now + i * 1000, { lastPlayed: [] }), now + i * 1000);
    }
    const ids = state.history.map((h) => h.song.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain(state.track?.song.id);
    expect(ids.length).toBe(24);
  });

  it("keeps track and history references when only the listener count changes", () => {
    const first = applyTrackUpdate(EMPTY_STATION, update(1, now, { listeners: 10 }), now);
    const second = applyTrackUpdate(first, update(1, now, { listeners: 11 }), now + 5_000);
    expect(second.listeners).toBe(11);
    expect(second.track).toBe(first.track);
    expect(second.history).toBe(first.history);
  });

  it("returns the same state for an exact duplicate", () => {
    const first = applyTrackUpdate(EMPTY_STATION, update(1, now), now);
    expect(applyTrackUpdate(first, update(1, now), now + 1_000)).toBe(first);
  });

  it("ignores an out-of-order update for an older song", () => {
    const newer = applyTrackUpdate(EMPTY_STATION, update(2, now), now);
    const after = applyTrackUpdate(newer, update(1, now - 200_000, { listeners: 3 }), now + 1_000);
    expect(after).toBe(newer);
  });
});

describe("mergeLoadedHistory", () => {
  const loaded = (id: number, minutesAgo: number): HistoryEntry => ({
    song: update(id, now).song,
    playedAt: now - minutesAgo * 60_000,
  });

  it("adds the API's plays after the gateway's fresh ones, newest first, without the current song", () => {
    const live = applyTrackUpdate(EMPTY_STATION, update(1, now, { lastPlayed: [7, 8] }), now);
    const merged = mergeLoadedHistory(live, [
      loaded(1, 0),
      loaded(7, 3),
      loaded(8, 6),
      loaded(5, 9),
      loaded(4, 12),
    ]);
    expect(merged.history.map((h) => h.song.id)).toEqual([7, 8, 5, 4]);
    expect(merged.history[0].playedAt).toBe(now - 3 * 60_000);
  });

  it("fills in what the gateway leaves out: the romanised title and the length, on air and in history", () => {
    const live = applyTrackUpdate(EMPTY_STATION, update(1, now, { lastPlayed: [7, 8] }), now);
    const fromApi = (id: number, minutesAgo: number, titleRomaji: string | null, duration: number) => {
      const entry = loaded(id, minutesAgo);
      return { ...entry, song: { ...entry.song, title: "API title", titleRomaji, duration } };
    };
    const merged = mergeLoadedHistory(live, [fromApi(1, 0, "Ichi", 200), fromApi(7, 3, "Nana", 181)]);
    expect(merged.track?.song).toMatchObject({ title: "Song 1", titleRomaji: "Ichi" });
    expect(merged.track?.startedAt).toBe(live.track?.startedAt);
    expect(merged.history[0].song).toMatchObject({ title: "Song 7", titleRomaji: "Nana", duration: 181 });
    expect(merged.history[1]).toBe(live.history[1]); // not in the API's answer: untouched
    // A name the gateway did send is kept; the same answer again changes nothing.
    const again = mergeLoadedHistory(merged, [fromApi(1, 0, "Other", 200), fromApi(7, 3, "Other", 181)]);
    expect(again).toBe(merged);
  });

  it("keeps the state object when nothing new arrives", () => {
    const live = applyTrackUpdate(EMPTY_STATION, update(1, now, { lastPlayed: [] }), now);
    const once = mergeLoadedHistory(live, [loaded(5, 9)]);
    expect(mergeLoadedHistory(once, [loaded(5, 9)])).toBe(once);
  });
});
