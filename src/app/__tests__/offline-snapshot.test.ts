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

  it("ignores a tampered or broken snapshot", () => {
    localStorage.setItem(
      "lm.now-playing.v1",
      JSON.stringify({ jpop: { update: { song: { title: "<b>no id</b>" } } } }),
    );
    restoreSnapshot();
    expect(getNowPlaying("jpop").track).toBeNull();
    localStorage.setItem("lm.now-playing.v1", "{not json");
    expect(() => restoreSnapshot()).not.toThrow();
  });
});
