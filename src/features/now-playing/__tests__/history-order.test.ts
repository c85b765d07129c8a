/**
 * "Recently played" against a station's real timeline: whatever the listener does (stays connected,
 * misses frames, leaves for a few songs or hours and comes back, reloads a saved page, gets late
 * frames, loads the API's history at any moment), the list reads newest first, without repeats and
 * without the song on air.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import {
  applyTrackUpdate,
  connectionStarted,
  EMPTY_STATION,
  type HistoryEntry,
  type StationNowPlaying,
} from "../model/apply-track-update";
import { mergeLoadedHistory } from "../model/merge-loaded-history";

const T0 = Date.parse("2026-11-28T12:00:00.000Z");
const SONGS = 60;

interface Play {
  id: number;
  startedAt: number;
  duration: number;
}

/** Song ids are the play's place in the timeline, so order can be read off the ids. */
function timeline(durations: number[]): Play[] {
  let at = T0;
  return durations.map((duration, i) => {
    const play = { id: i + 1, startedAt: at, duration };
    at += duration * 1000;
    return play;
  });
}

type Step =
  /** The station plays `songs` more; a connected listener gets each frame unless `missed`. */
  | { kind: "advance"; songs: number; connected: boolean; missed: boolean }
  /** A new socket (reconnect, station tab switch, page reload from the saved snapshot). */
  | { kind: "reconnect" }
  /** A frame for a song before the current one arrives late. */
  | { kind: "late"; back: number }
  /** The API's history: the last `count` plays with their start times, maybe with the current one. */
  | { kind: "loaded"; count: number; withCurrent: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      songs: fc.integer({ min: 1, max: 6 }),
      connected: fc.boolean(),
      missed: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: "reconnect" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("late" as const), back: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("loaded" as const),
      count: fc.integer({ min: 1, max: 20 }),
      withCurrent: fc.boolean(),
    }),
  },
);

function expectNewestFirst(state: StationNowPlaying, onAir: number) {
  const ids = state.history.map((entry: HistoryEntry) => entry.song.id);
  expect(state.track?.song.id).toBe(onAir);
  for (const [i, id] of ids.entries()) {
    expect(id).toBeLessThan(i === 0 ? onAir : ids[i - 1]);
  }
}

describe("recently played follows the station's timeline", () => {
  it("reads newest first through connects, gaps, late frames and loaded history", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 30, max: 400 }), { minLength: SONGS, maxLength: SONGS }),
        fc.constantFrom("start" as const, "end" as const),
        fc.integer({ min: -3_000, max: 3_000 }),
        fc.integer({ min: 2, max: 6 }),
        fc.array(step, { minLength: 1, maxLength: 25 }),
        (durations, stampMeans, clockSkewMs, firstIndex, steps) => {
          const plays = timeline(durations);
          /** Our clock, `clockSkewMs` off the station's, a moment after the song started. */
          const ourClock = (play: Play) => play.startedAt + 300 + clockSkewMs;
          const frame = (index: number) => {
            const play = plays[index];
            const stamp = play.startedAt + (stampMeans === "end" ? play.duration * 1000 : 0);
            const lastPlayed = plays
              .slice(Math.max(0, index - 2), index)
              .reverse()
              .map((p) => rawSong(p.id, `Song ${p.id}`, { duration: 0 }));
            const raw = rawSong(play.id, `Song ${play.id}`, { duration: play.duration });
            return parsedTrackUpdate(
              trackUpdate(raw, { startTime: new Date(stamp).toISOString(), lastPlayed }),
            );
          };

          let onAir = firstIndex;
          let shown = firstIndex;
          let connected = true;
          let state = applyTrackUpdate(
            connectionStarted(EMPTY_STATION),
            frame(onAir),
            ourClock(plays[onAir]),
          );
          for (const s of steps) {
            if (s.kind === "advance") {
              connected = s.connected;
              for (let n = 0; n < s.songs && onAir < plays.length - 1; n++) {
                onAir++;
                if (!connected || (s.missed && n === 0)) continue;
                state = applyTrackUpdate(state, frame(onAir), ourClock(plays[onAir]));
                shown = onAir;
              }
            } else if (s.kind === "reconnect") {
              connected = true;
              state = applyTrackUpdate(connectionStarted(state), frame(onAir), ourClock(plays[onAir]));
              shown = onAir;
            } else if (s.kind === "late") {
              if (!connected || shown - s.back < 0) continue;
              state = applyTrackUpdate(state, frame(shown - s.back), ourClock(plays[shown]) + 1_000);
            } else {
              const last = plays
                .slice(Math.max(0, shown - s.count), shown + (s.withCurrent ? 1 : 0))
                .reverse();
              state = mergeLoadedHistory(
                state,
                last.map((p) => ({ song: frame(p.id - 1).song, playedAt: p.startedAt })),
              );
            }
            expectNewestFirst(state, plays[shown].id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("puts the song on screen before a long absence after the station's last two", () => {
    const plays = timeline(Array.from({ length: 10 }, () => 200));
    const frame = (index: number) =>
      parsedTrackUpdate(
        trackUpdate(rawSong(plays[index].id, "x"), {
          startTime: new Date(plays[index].startedAt).toISOString(),
          lastPlayed: [rawSong(plays[index - 1].id, "x"), rawSong(plays[index - 2].id, "x")],
        }),
      );
    const before = applyTrackUpdate(EMPTY_STATION, frame(2), plays[2].startedAt);
    expect(before.history.map((e) => e.song.id)).toEqual([2, 1]);
    // Away while songs 4 to 6 played; back during song 8.
    const back = applyTrackUpdate(connectionStarted(before), frame(7), plays[7].startedAt);
    expect(back.history.map((e) => e.song.id)).toEqual([7, 6, 3, 2, 1]);
    expect(back.history[2].playedAt).toBe(plays[2].startedAt);
  });
});
