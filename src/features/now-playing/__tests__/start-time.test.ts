import { describe, expect, it } from "vitest";
import { deriveStartedAt, elapsedSeconds, FUTURE_START_TOLERANCE_MS } from "../model/start-time";

const now = Date.parse("2026-11-28T12:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("deriveStartedAt", () => {
  it("takes a past startTime as the song's start (the documented meaning)", () => {
    expect(deriveStartedAt(iso(now - 60_000), 200, now)).toBe(now - 60_000);
  });

  it("takes a future startTime as the song's end (what production has been seen sending)", () => {
    expect(deriveStartedAt(iso(now + 140_000), 200, now)).toBe(now - 60_000);
  });

  it("tolerates a slightly fast server clock without flipping meaning", () => {
    expect(deriveStartedAt(iso(now + FUTURE_START_TOLERANCE_MS - 1), 200, now)).toBe(now);
  });

  it("falls back to now for a missing or unparsable time, or a future time with no duration", () => {
    expect(deriveStartedAt(null, 200, now)).toBe(now);
    expect(deriveStartedAt("yesterday-ish", 200, now)).toBe(now);
    expect(deriveStartedAt(iso(now + 60_000), 0, now)).toBe(now);
  });
});

describe("elapsedSeconds", () => {
  it("clamps to [0, duration]", () => {
    expect(elapsedSeconds(now - 30_500, 200, now)).toBe(30);
    expect(elapsedSeconds(now + 10_000, 200, now)).toBe(0);
    expect(elapsedSeconds(now - 500_000, 200, now)).toBe(200);
  });
});
