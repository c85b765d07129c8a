import { describe, expect, it } from "vitest";
import { reconnectDelayMs } from "../model/backoff";
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS } from "../protocol";

describe("reconnectDelayMs", () => {
  it("doubles per attempt between half and all of the ceiling", () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(RECONNECT_BASE_MS / 2);
    expect(reconnectDelayMs(0, () => 1)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelayMs(3, () => 0)).toBe((RECONNECT_BASE_MS * 8) / 2);
    expect(reconnectDelayMs(3, () => 1)).toBe(RECONNECT_BASE_MS * 8);
  });

  it("never exceeds the cap, however many attempts failed", () => {
    for (const attempt of [10, 50, 1_000]) {
      expect(reconnectDelayMs(attempt, () => 1)).toBe(RECONNECT_MAX_MS);
      expect(reconnectDelayMs(attempt, () => 0)).toBe(RECONNECT_MAX_MS / 2);
    }
  });
});
