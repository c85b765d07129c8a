import { describe, expect, it } from "vitest";
import type { TrackUpdate } from "@/lib/song";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import { applyTrackUpdate, EMPTY_STATION } from "../model/apply-track-update";

const t = Date.parse("2026-11-28T12:00:00.000Z");

function update(id: number, duration: number, startTime: number): TrackUpdate {
  return parsedTrackUpdate(
    // No lastPlayed: the history is only what these frames show.
    trackUpdate(rawSong(id, `Song ${id}`, { duration }), {
      startTime: new Date(startTime).toISOString(),
      lastPlayed: [],
    }),
  );
}

describe("song order when our clock is behind the server's", () => {
  // Found by the store fuzz test: with the server 5.3 s ahead, every startTime looks like a song's
  // end (FUTURE_START_TOLERANCE_MS), and a 123 s song after a 60 s one came out as "started earlier".
  const skew = 5_300;

  it("takes the next song even when it is much longer than the current one", () => {
    const first = applyTrackUpdate(EMPTY_STATION, update(1, 60, t + skew), t + 300);
    expect(first.track?.song.id).toBe(1);
    const second = applyTrackUpdate(first, update(2, 123, t + 60_000 + skew), t + 60_300);
    expect(second.track?.song.id).toBe(2);
    expect(second.history[0].song.id).toBe(1);
  });

  it("ignores a late frame for the song before, however short that song was", () => {
    // Found by the fault matrix: a song that had played under the 2 s tolerance came back on top.
    const first = applyTrackUpdate(EMPTY_STATION, update(1, 200, t), t + 100);
    const second = applyTrackUpdate(first, update(2, 200, t + 1_500), t + 1_600);
    expect(applyTrackUpdate(second, update(1, 200, t), t + 1_700)).toBe(second);
  });

  it("still ignores a late frame for the song before", () => {
    const first = applyTrackUpdate(EMPTY_STATION, update(1, 60, t + skew), t + 300);
    const second = applyTrackUpdate(first, update(2, 123, t + 60_000 + skew), t + 60_300);
    expect(applyTrackUpdate(second, update(1, 60, t + skew), t + 61_000)).toBe(second);
  });
});
