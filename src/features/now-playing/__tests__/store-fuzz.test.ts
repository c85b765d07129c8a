/**
 * Property-based tests of the now-playing store: random sequences of track updates (fresh songs,
 * repeats, duplicates, late out-of-order frames, listener-only rebroadcasts) and loaded history, on
 * both stations, must keep every invariant the views rely on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TrackUpdate } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { parsedTrackUpdate, type RawSong, rawSong, trackUpdate } from "@/testing/fixtures";
import { historyLoaded } from "../history-loaded";
import { HISTORY_LIMIT, type HistoryEntry, type StationNowPlaying } from "../model/apply-track-update";
import { getNowPlaying, resetNowPlayingStore, trackUpdated } from "../now-playing-store";

const STATIONS: readonly StationId[] = ["jpop", "kpop"];
const BASE_TIME = Date.parse("2026-11-28T12:00:00.000Z");
/** A few seconds of work; the bound only matters when the machine is busy with browsers. */
const FUZZ = { timeout: 30_000 };

/** A small pool of song ids, so repeats, duplicates and history collisions are common. */
const songId = fc.integer({ min: 1, max: 40 });

const song = fc
  .record({
    id: songId,
    title: fc.option(fc.string({ maxLength: 400 }), { nil: null }),
    duration: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 600 })),
    artists: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
  })
  .map(
    ({ id, title, duration, artists }): RawSong =>
      rawSong(id, title ?? "", {
        title,
        duration,
        artists: artists.map((a) => ({
          id: a,
          name: `A${a}`,
          nameRomaji: null,
          image: null,
          characters: [],
        })),
      }),
  );

type Event =
  | {
      kind: "track";
      station: StationId;
      song: RawSong;
      /** startTime relative to the event's clock; positive values are in the future (the disputed "end"). */
      startOffsetMs: number | null;
      lastPlayed: RawSong[];
      listeners: number | undefined;
      advanceMs: number;
    }
  | { kind: "again"; station: StationId; listeners: number; advanceMs: number }
  | { kind: "history"; station: StationId; songs: RawSong[]; advanceMs: number };

const station = fc.constantFrom(...STATIONS);
const advanceMs = fc.integer({ min: 0, max: 400_000 });

const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("track" as const),
      station,
      song,
      startOffsetMs: fc.option(fc.integer({ min: -900_000, max: 900_000 }), { nil: null, freq: 8 }),
      lastPlayed: fc.array(song, { maxLength: 6 }),
      listeners: fc.option(fc.nat({ max: 5000 }), { nil: undefined }),
      advanceMs,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("again" as const),
      station,
      listeners: fc.nat({ max: 5000 }),
      advanceMs,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("history" as const),
      station,
      songs: fc.array(song, { maxLength: 40 }),
      advanceMs,
    }),
  },
);

/** The frame a real gateway would send, through the real parser, as the store receives it. */
function parsed(raw: string): TrackUpdate {
  return parsedTrackUpdate(raw);
}

function check(condition: boolean, message: string) {
  if (!condition) throw new Error(message);
}

/** Plain checks rather than `expect`: they run after every one of thousands of events. */
function checkValid(station: StationId, state: StationNowPlaying) {
  const { track, history } = state;
  if (track) {
    check(Number.isInteger(track.song.id), `${station}: current song id ${track.song.id}`);
    check(track.song.title === null || track.song.title.length <= 300, `${station}: title too long`);
    check(track.song.duration >= 0, `${station}: negative duration`);
    check(Number.isFinite(track.startedAt), `${station}: start time ${track.startedAt}`);
  }
  check(history.length <= HISTORY_LIMIT, `${station}: history of ${history.length}`);
  const ids = history.map((entry) => entry.song.id);
  check(new Set(ids).size === ids.length, `${station}: history repeats a song: ${ids}`);
  check(
    !track || !ids.includes(track.song.id),
    `${station}: history holds the current song ${track?.song.id}`,
  );
}

/** Replays `events`, checking the invariants after each one. */
function replay(events: Event[]) {
  resetNowPlayingStore();
  let now = BASE_TIME;
  let lastFrame: Partial<Record<StationId, string>> = {};
  for (const e of events) {
    now += e.advanceMs;
    const before = { jpop: getNowPlaying("jpop"), kpop: getNowPlaying("kpop") };
    if (e.kind === "track") {
      const raw = trackUpdate(e.song, {
        startTime: e.startOffsetMs === null ? undefined : new Date(now + e.startOffsetMs).toISOString(),
        lastPlayed: e.lastPlayed,
        listeners: e.listeners,
      });
      lastFrame = { ...lastFrame, [e.station]: raw };
      trackUpdated(e.station, parsed(raw), now);
    } else if (e.kind === "again") {
      // A rebroadcast of the station's last frame with a new listener count (or nothing yet).
      const raw = lastFrame[e.station];
      if (raw) {
        const frame = JSON.parse(raw) as { d: { listeners: number } };
        frame.d.listeners = e.listeners;
        trackUpdated(e.station, parsed(JSON.stringify(frame)), now);
      }
    } else {
      const entries: HistoryEntry[] = e.songs.map((s, i) => ({
        song: parsed(trackUpdate(s)).song,
        playedAt: now - (i + 1) * 60_000,
      }));
      historyLoaded(e.station, entries);
    }
    for (const s of STATIONS) {
      checkValid(s, getNowPlaying(s));
      if (s !== e.station) check(getNowPlaying(s) === before[s], `${s} changed on ${e.station}'s event`);
    }
  }
}

describe("now-playing store under random event sequences", () => {
  it(
    "keeps the current song valid, history bounded, unique and without the current song, stations apart",
    FUZZ,
    () => {
      fc.assert(
        fc.property(fc.array(event, { minLength: 1, maxLength: 40 }), (events) => replay(events)),
        { numRuns: 200 },
      );
    },
  );

  it("never lets an older song replace a newer one, and always takes a newer one", FUZZ, () => {
    // Start times in the past only: there the model's meaning of startTime is not in dispute.
    const pastTrack = fc.record({
      station,
      song,
      startOffsetMs: fc.integer({ min: -900_000, max: 0 }),
      advanceMs: fc.integer({ min: 0, max: 60_000 }),
    });
    fc.assert(
      fc.property(fc.array(pastTrack, { minLength: 2, maxLength: 40 }), (events) => {
        resetNowPlayingStore();
        let now = BASE_TIME;
        const startOf: Partial<Record<StationId, { id: number; at: number }>> = {};
        for (const e of events) {
          now += e.advanceMs;
          const at = now + e.startOffsetMs;
          const current = startOf[e.station];
          trackUpdated(
            e.station,
            parsed(trackUpdate(e.song, { startTime: new Date(at).toISOString() })),
            now,
          );
          const shown = getNowPlaying(e.station).track?.song.id;
          if (current && current.id !== e.song.id && at < current.at) {
            expect(shown, "an older song replaced a newer one").toBe(current.id);
          } else {
            expect(shown, "a newer song was ignored").toBe(e.song.id);
            // A rebroadcast of the same song keeps the start it first came with.
            startOf[e.station] = { id: e.song.id, at: current?.id === e.song.id ? current.at : at };
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it(
    "follows back-to-back songs whatever our clock's offset from the server's, and drops late frames",
    FUZZ,
    () => {
      // Real songs follow each other; startTime means start or end (disputed), our clock is off by `skew`.
      fc.assert(
        fc.property(
          fc.integer({ min: -60_000, max: 60_000 }),
          fc.constantFrom("start", "end"),
          fc.array(
            fc.record({ duration: fc.integer({ min: 30, max: 600 }), lateMs: fc.nat({ max: 3_000 }) }),
            {
              minLength: 2,
              maxLength: 12,
            },
          ),
          (skew, meaning, plays) => {
            resetNowPlayingStore();
            let start = BASE_TIME;
            plays.forEach(({ duration, lateMs }, i) => {
              const stamp = start + skew + (meaning === "end" ? duration * 1000 : 0);
              const frame = (id: number) =>
                parsed(
                  trackUpdate(rawSong(id, `Song ${id}`, { duration }), {
                    startTime: new Date(stamp).toISOString(),
                  }),
                );
              trackUpdated("jpop", frame(i + 1), start + lateMs);
              expect(getNowPlaying("jpop").track?.song.id).toBe(i + 1);
              if (i > 0) {
                // The song before, re-sent late with its own (older) startTime.
                const before = getNowPlaying("jpop");
                const previous = plays[i - 1];
                const previousStamp =
                  start -
                  previous.duration * 1000 +
                  skew +
                  (meaning === "end" ? previous.duration * 1000 : 0);
                trackUpdated(
                  "jpop",
                  parsed(
                    trackUpdate(rawSong(i, `Song ${i}`, { duration: previous.duration }), {
                      startTime: new Date(previousStamp).toISOString(),
                    }),
                  ),
                  start + lateMs + 100,
                );
                expect(getNowPlaying("jpop")).toBe(before);
              }
              start += duration * 1000;
            });
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
