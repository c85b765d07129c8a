import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/config";
import { isCdnEventImage } from "@/lib/song-schema";
import { rawSong } from "@/testing/fixtures";
import { parseFrame } from "../model/frame-schema";

function eventImageAfterParsing(image: unknown) {
  const frame = parseFrame(
    JSON.stringify({
      op: 1,
      t: "TRACK_UPDATE",
      d: {
        song: rawSong(1, "Song"),
        requester: null,
        event: { id: 1, name: "Event", slug: "event", presence: null, image },
        startTime: null,
        lastPlayed: [],
      },
    }),
    1e6,
  );
  if (frame.kind !== "track") throw new Error(`did not parse: ${JSON.stringify(frame)}`);
  return frame.payload.event?.image;
}

describe("event images from the gateway", () => {
  it("keeps an image in our CDN's events folder", () => {
    const url = `${endpoints.cdnOrigin}/events/summer%20festival.png`;
    expect(eventImageAfterParsing(url)).toBe(url);
  });

  // Found by the hostile-data e2e test: the event image was the one server value that became an
  // <img src> as-is, so a frame could send every listener's browser to any http(s) URL.
  it.each([
    "https://evil.example/pixel.png",
    `https://listen.moe/api/anything`,
    `${endpoints.cdnOrigin}.evil.example/x.png`,
    "javascript:alert(1)",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "../covers/x.png",
    `${endpoints.cdnOrigin}/covers/x.png`,
    `${endpoints.cdnOrigin}/events/a/../../graphql`,
    `${endpoints.cdnOrigin}/events/`,
    "//evil.example/x.png",
    "",
  ])("drops %s (the frame itself still counts)", (url) => {
    expect(eventImageAfterParsing(url)).toBeNull();
  });

  it("compares whole origins, not prefixes", () => {
    expect(isCdnEventImage("https://cdn.example/events/x.png", "https://cdn.example")).toBe(true);
    expect(isCdnEventImage("https://cdn.example:8443/events/x.png", "https://cdn.example")).toBe(false);
    expect(isCdnEventImage("http://cdn.example/events/x.png", "https://cdn.example")).toBe(false);
    expect(isCdnEventImage("https://cdn.example.evil/events/x.png", "https://cdn.example")).toBe(false);
  });
});
