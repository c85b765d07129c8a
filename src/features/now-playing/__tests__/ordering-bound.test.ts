import { describe, expect, it } from "vitest";
import type { TrackUpdate } from "@/lib/song";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import { EMPTY_STATION } from "../model/apply-track-update";
import { getNowPlaying, stationConnected, tracksUpdated, trackUpdated } from "../now-playing-store";

const NOW = Date.parse("2026-12-01T12:00:00.000Z");
const SONG_S = 200;

function frame(id: number, startTime: string | null): TrackUpdate {
  const update = parsedTrackUpdate(
    trackUpdate(rawSong(id, `Song ${id}`, { duration: SONG_S }), {
      startTime: startTime ?? undefined,
      lastPlayed: [],
    }),
  );
  return { ...update, startTime };
}

const iso = (ms: number) => new Date(ms).toISOString();
const shown = () => getNowPlaying("jpop").track?.song.id;

/** A station playing songs back to back from NOW, one every SONG_S seconds. */
function normal(n: number) {
  const startedAt = NOW + n * SONG_S * 1000;
  return { update: frame(100 + n, iso(startedAt)), at: startedAt + 1_000 };
}

describe("the ordering rule has a sanity bound", () => {
  const hostile: [string, string | null][] = [
    ["an hour in the future", iso(NOW + 60 * 60_000)],
    ["a year in the future", iso(NOW + 365 * 24 * 60 * 60_000)],
    ["the far past", iso(0)],
    ["garbage", "not a date"],
    ["nothing", null],
  ];

  it.each(hostile)("a frame stamped %s never holds the screen past the next real update", (_name, stamp) => {
    trackUpdated("jpop", normal(0).update, normal(0).at);
    trackUpdated("jpop", frame(666, stamp), normal(0).at + 5_000);
    for (let n = 1; n <= 3; n++) {
      trackUpdated("jpop", normal(n).update, normal(n).at);
      expect(shown()).toBe(100 + n);
    }
  });

  it("still drops a late frame for an older song within the plausible window", () => {
    trackUpdated("jpop", normal(1).update, normal(1).at);
    trackUpdated("jpop", normal(0).update, normal(1).at + 2_000);
    expect(shown()).toBe(101);
  });

  it("takes the first frame after a reconnect whatever its stamp says, and orders from it", () => {
    trackUpdated("jpop", frame(666, iso(NOW + 5 * 60_000)), NOW);
    stationConnected("jpop");
    trackUpdated("jpop", normal(0).update, normal(0).at);
    expect(shown()).toBe(100);
    // Back to normal ordering: an older song after it is a late frame again.
    trackUpdated("jpop", frame(99, iso(NOW - SONG_S * 1000)), normal(0).at + 1_000);
    expect(shown()).toBe(100);
  });

  it("folds a burst in order and keeps every song that played in the history", () => {
    const burst = Array.from({ length: 50 }, (_, n) => normal(n).update);
    tracksUpdated("jpop", burst, normal(49).at);
    expect(shown()).toBe(149);
    const history = getNowPlaying("jpop").history.map((entry) => entry.song.id);
    expect(history.slice(0, 3)).toEqual([148, 147, 146]);
    expect(getNowPlaying("jpop")).not.toBe(EMPTY_STATION);
  });
});
