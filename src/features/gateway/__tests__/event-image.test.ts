import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/config";
import { isAllowedEventImage } from "@/lib/song-schema";
import { rawSong } from "@/testing/fixtures";
import { parseFrame } from "../model/frame-schema";

function parseWithEventImage(image: unknown) {
  const frame = parseFrame(
    JSON.stringify({
      op: 1,
      t: "TRACK_UPDATE",
      d: {
        song: { ...rawSong(1, "Song"), albums: [] },
        requester: null,
        event: { id: 1, name: "Event", slug: "event", presence: null, image },
        startTime: null,
        lastPlayed: [],
      },
    }),
    1e6,
  );
  if (frame.kind !== "track") throw new Error(`did not parse: ${JSON.stringify(frame)}`);
  return { image: frame.payload.event?.image, dropped: frame.droppedFields };
}

describe("event images from the gateway", () => {
  it.each([
    `${endpoints.cdnOrigin}/events/summer%20festival.png`,
    // Production's shape (Android test capture), on the default allow-list.
    "https://i.imgur.com/G3nzMLQ.png",
  ])("keeps %s", (url) => {
    expect(parseWithEventImage(url)).toEqual({ image: url, dropped: [] });
  });

  it.each([null, undefined])("an absent image (%s) is not a dropped field", (image) => {
    expect(parseWithEventImage(image)).toEqual({ image: null, dropped: [] });
  });

  // Found by the hostile-data e2e test: the event image was the one server value that became an
  // <img src> as-is, so a frame could send every listener's browser to any http(s) URL.
  it.each([
    "https://evil.example/pixel.png",
    `https://listen.moe/api/anything`,
    `${endpoints.cdnOrigin}.evil.example/x.png`,
    "https://i.imgur.com.evil.example/x.png",
    "http://i.imgur.com/G3nzMLQ.png",
    "https://i.imgur.com:8443/G3nzMLQ.png",
    "https://user:pass@i.imgur.com/G3nzMLQ.png",
    "https://i.imgur.com/",
    `https://i.imgur.com/${"a".repeat(3000)}.png`,
    "javascript:alert(1)",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "../covers/x.png",
    `${endpoints.cdnOrigin}/covers/x.png`,
    `${endpoints.cdnOrigin}/events/a/../../graphql`,
    `${endpoints.cdnOrigin}/events/`,
    "//evil.example/x.png",
  ])("drops %s and counts it as a dropped field (the frame itself still counts)", (url) => {
    expect(parseWithEventImage(url)).toEqual({ image: null, dropped: ["event.image"] });
  });

  it("compares whole origins, not prefixes", () => {
    const sources = { cdnOrigin: "https://cdn.example", imageOrigins: ["https://img.example"] };
    expect(isAllowedEventImage("https://cdn.example/events/x.png", sources)).toBe(true);
    expect(isAllowedEventImage("https://img.example/x.png", sources)).toBe(true);
    expect(isAllowedEventImage("https://img.example/any/depth/x.png", sources)).toBe(true);
    expect(isAllowedEventImage("https://cdn.example:8443/events/x.png", sources)).toBe(false);
    expect(isAllowedEventImage("http://cdn.example/events/x.png", sources)).toBe(false);
    expect(isAllowedEventImage("https://cdn.example.evil/events/x.png", sources)).toBe(false);
    expect(isAllowedEventImage("https://img.example.evil/x.png", sources)).toBe(false);
    // The CDN's own origin allows only its events folder, even if the list names it too.
    expect(
      isAllowedEventImage("https://cdn.example/covers/x.png", {
        ...sources,
        imageOrigins: ["https://cdn.example"],
      }),
    ).toBe(false);
  });
});
