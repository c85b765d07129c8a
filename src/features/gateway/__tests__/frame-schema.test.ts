import { describe, expect, it } from "vitest";
import { rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { parseFrame } from "../model/frame-schema";
import { MAX_FRAME_CHARS } from "../protocol";

const parse = (raw: unknown) => parseFrame(raw, MAX_FRAME_CHARS);

describe("parseFrame", () => {
  it("reads the welcome's heartbeat interval", () => {
    expect(parse(welcome(35_000))).toEqual({ kind: "welcome", heartbeatMs: 35_000, user: null });
  });

  it("reads op 10 as an ack", () => {
    expect(parse('{"op":10}')).toEqual({ kind: "ack" });
  });

  it("turns a production TRACK_UPDATE into domain data with character refs kept", () => {
    const song = rawSong(22488, "ベースラインやってる？笑", {
      artists: [
        {
          id: 215,
          name: "ななひら",
          nameRomaji: "Nanahira",
          image: "ななひら_image.jpg",
          characters: [{ id: 403 }],
        },
      ],
      characters: [{ id: 403, name: "加賀美ありす", nameRomaji: null, image: null }],
    });
    const frame = parse(trackUpdate(song, { listeners: 93 }));
    expect(frame.kind).toBe("track");
    if (frame.kind !== "track") return;
    expect(frame.payload.song.artists[0].characterIds).toEqual([403]);
    expect(frame.payload.song.titleRomaji).toBeNull();
    expect(frame.payload.listeners).toBe(93);
    expect(frame.payload.lastPlayed).toHaveLength(2);
  });

  it("accepts the seed document's v1 shape (no characters, favorite flag)", () => {
    const seed = JSON.stringify({
      op: 1,
      d: {
        song: {
          id: 450,
          title: "Trust in you",
          sources: [],
          artists: [{ id: 186, name: "sweet ARMS", nameRomaji: null, image: "sweet-ARMS_image.jpg" }],
          albums: [],
          duration: 273,
          favorite: true,
        },
        requester: null,
        event: null,
        startTime: "2018-03-28T21:39:24.431Z",
        lastPlayed: [],
        queue: { inQueue: 12, inQueueByUser: 1, inQueueBeforeUser: 11 },
        listeners: 92,
      },
      t: "TRACK_UPDATE",
    });
    const frame = parse(seed);
    expect(frame.kind).toBe("track");
    if (frame.kind !== "track") return;
    expect(frame.payload.song.favorite).toBe(true);
    expect(frame.payload.song.characters).toEqual([]);
    expect(frame.payload.queue).toEqual({ inQueue: 12, inQueueByUser: 1, inQueueBeforeUser: 11 });
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["a non-object", "42"],
    ["a song without id", '{"op":1,"t":"TRACK_UPDATE","d":{"song":{"title":"x"}}}'],
    ["a frame over the size limit", `{"op":1,"d":"${"x".repeat(MAX_FRAME_CHARS)}"}`],
    ["a binary frame", new ArrayBuffer(4)],
  ])("marks %s invalid without throwing", (_name, raw) => {
    expect(parse(raw).kind).toBe("invalid");
  });

  it.each([
    ["an unknown op", '{"op":7,"d":{}}'],
    ["QUEUE_UPDATE", '{"op":1,"t":"QUEUE_UPDATE","d":{"amount":3}}'],
    ["NOTIFICATION without a song", '{"op":1,"t":"NOTIFICATION","d":{"type":"EVENT"}}'],
    ["an empty frame", ""],
  ])("ignores %s", (_name, raw) => {
    expect(parse(raw)).toEqual({ kind: "ignored" });
  });

  it("drops a broken lastPlayed entry but keeps the frame", () => {
    const raw = JSON.parse(trackUpdate(rawSong(1, "One")));
    raw.d.lastPlayed[1] = { title: "no id" };
    const frame = parse(JSON.stringify(raw));
    expect(frame.kind === "track" && frame.payload.lastPlayed.map((s) => s.id)).toEqual([1001]);
  });
});
