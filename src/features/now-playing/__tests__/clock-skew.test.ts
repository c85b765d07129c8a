import { describe, expect, it } from "vitest";
import type { TrackUpdate } from "@/lib/song";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import { applyTrackUpdate, connectionStarted, EMPTY_STATION } from "../model/apply-track-update";
import { elapsedSeconds } from "../model/start-time";

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

describe("the progress bar when our clock is off the server's", () => {
  const duration = 240;
  /** Songs of `duration` seconds back to back from `t`, on the server's clock. */
  const startOf = (n: number) => t + (n - 1) * duration * 1000;
  const frame = (n: number, meaning: "start" | "end") =>
    update(n, duration, startOf(n) + (meaning === "end" ? duration * 1000 : 0));

  /** `skewMs`: our clock minus the server's. Negative: ours is behind. */
  const cases = [-90_000, -30_000, -6_000, 0, 6_000, 30_000, 90_000].flatMap((skewMs) =>
    (["start", "end"] as const).map((meaning) => ({ skewMs, meaning })),
  );

  it.each(cases)(
    "is off by no more than the clock after a song change seen live (skew $skewMs ms, $meaning)",
    ({ skewMs, meaning }) => {
      const ours = (serverTime: number) => serverTime + skewMs;
      // Connected 100 s into song 1 (its stamp's meaning still a guess), then song 2 starts live.
      let state = applyTrackUpdate(
        connectionStarted(EMPTY_STATION),
        frame(1, meaning),
        ours(startOf(1) + 100_000),
      );
      state = applyTrackUpdate(state, frame(2, meaning), ours(startOf(2) + 300));
      expect(state.stampMeaning).toBe(meaning);
      const playedOf = (s: typeof state, serverTime: number) =>
        elapsedSeconds(s.track?.startedAt ?? 0, duration, ours(serverTime));
      const tolerance = Math.abs(skewMs) / 1000 + 1;
      expect(Math.abs(playedOf(state, startOf(2) + 60_000) - 60)).toBeLessThanOrEqual(tolerance);

      // The meaning outlives a reconnect: joining song 3 halfway reads it right at once.
      state = applyTrackUpdate(connectionStarted(state), frame(3, meaning), ours(startOf(3) + 120_000));
      expect(Math.abs(playedOf(state, startOf(3) + 120_000) - 120)).toBeLessThanOrEqual(tolerance);
    },
  );

  it("learns again when the station changes what its stamps mean", () => {
    let state = applyTrackUpdate(connectionStarted(EMPTY_STATION), frame(1, "end"), startOf(1) + 100_000);
    state = applyTrackUpdate(state, frame(2, "end"), startOf(2) + 300);
    expect(state.stampMeaning).toBe("end");
    state = applyTrackUpdate(state, frame(3, "start"), startOf(3) + 300);
    expect(state.stampMeaning).toBe("start");
    expect(elapsedSeconds(state.track?.startedAt ?? 0, duration, startOf(3) + 30_000)).toBe(30);
  });

  it("learns nothing from a late frame", () => {
    let state = applyTrackUpdate(connectionStarted(EMPTY_STATION), frame(1, "end"), startOf(1) + 100_000);
    state = applyTrackUpdate(state, frame(2, "end"), startOf(2) + 300);
    // Song 1's end stamp lies right at now: as a live change it would read as "start".
    expect(applyTrackUpdate(state, frame(1, "end"), startOf(2) + 2_000)).toBe(state);
  });
});
