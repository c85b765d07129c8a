import { describe, expect, it } from "vitest";
import { parseFrame } from "@/features/gateway/model/frame-schema";
import { getNowPlaying, resetNowPlayingStore, trackUpdated } from "@/features/now-playing/now-playing-store";
import { rawSong, trackUpdate } from "@/testing/fixtures";
import { restoreSnapshot, startSnapshotting } from "../offline-snapshot";

function push(station: "jpop" | "kpop", id: number, title: string) {
  const song = rawSong(id, title, {
    artists: [{ id: 5, name: null, nameRomaji: "Nanahira", image: "a b.jpg", characters: [{ id: 9 }] }],
    characters: [{ id: 9, name: "加賀美ありす", nameRomaji: null, image: null }],
  });
  const frame = parseFrame(
    trackUpdate(song, { listeners: 42, startTime: new Date(Date.now() - 30_000).toISOString() }),
    1e6,
  );
  if (frame.kind !== "track") throw new Error("bad fixture");
  trackUpdated(station, frame.payload);
}

/** Where the page keeps the snapshot (offline-snapshot.ts). */
const STORAGE_KEY = "lm.now-playing.v1";

describe("offline snapshot", () => {
  it("reopens with each station's last song, listeners and history", () => {
    const stop = startSnapshotting();
    push("jpop", 1, "First");
    push("jpop", 2, "Second");
    push("kpop", 3, "세 번째");
    stop();
    const before = getNowPlaying("jpop");

    resetNowPlayingStore();
    restoreSnapshot();
    const jpop = getNowPlaying("jpop");
    expect(jpop.track?.song).toEqual(before.track?.song);
    expect(jpop.track?.startedAt).toBe(before.track?.startedAt);
    expect(jpop.listeners).toBe(42);
    expect(jpop.history.map((h) => h.song.id)).toEqual(before.history.map((h) => h.song.id));
    expect(getNowPlaying("kpop").track?.song.title).toBe("세 번째");
  });

  /** A real snapshot of both stations, as the page leaves it behind. */
  function savedSnapshot() {
    const stop = startSnapshotting();
    push("jpop", 1, "First");
    push("jpop", 2, "Second");
    push("kpop", 3, "세 번째");
    stop();
    resetNowPlayingStore();
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
  }

  type Tampered = { update: Record<string, unknown>; history: Record<string, unknown>[] };

  // Each row spoils J-pop's entry one way; K-pop's stays intact, so a restore that does nothing fails too.
  it.each<[string, (jpop: Tampered) => unknown]>([
    ["a song without an id", (jpop) => ({ ...jpop, update: { song: { title: "<b>no id</b>" } } })],
    ["a song id that is text", (jpop) => ({ ...jpop, update: { ...jpop.update, song: { id: "1" } } })],
    ["no update at all", (jpop) => ({ history: jpop.history })],
    ["a start time that is not text", (jpop) => ({ ...jpop, update: { ...jpop.update, startTime: 5 } })],
    ["a negative listener count", (jpop) => ({ ...jpop, update: { ...jpop.update, listeners: -1 } })],
    ["an entry that is not an object", () => "jpop"],
  ])("drops a station's entry with %s and restores the other station", (_name, tamper) => {
    const saved = savedSnapshot();
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, jpop: tamper(saved.jpop) }));
    restoreSnapshot();
    expect(getNowPlaying("jpop").track).toBeNull();
    expect(getNowPlaying("jpop").history).toEqual([]);
    expect(getNowPlaying("kpop").track?.song.title).toBe("세 번째");
  });

  it("keeps the song but drops a history with a broken entry", () => {
    const saved = savedSnapshot();
    const history = [{ song: { id: "x" }, playedAt: 1 }, ...saved.jpop.history];
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, jpop: { ...saved.jpop, history } }));
    restoreSnapshot();
    expect(getNowPlaying("jpop").track?.song.title).toBe("Second");
    expect(getNowPlaying("jpop").history).toEqual([]);
    expect(getNowPlaying("kpop").history.length).toBeGreaterThan(0);
  });

  it("opens empty, without throwing, when the snapshot is not JSON", () => {
    localStorage.setItem(STORAGE_KEY, "{not json");
    expect(() => restoreSnapshot()).not.toThrow();
    expect(getNowPlaying("jpop").track).toBeNull();
    expect(getNowPlaying("kpop").track).toBeNull();
  });
});
