import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getPlayerState, sleepTimerChanged } from "../player-store";
import { FADE_MS, startSleepTimer } from "../sleep-timer";

describe("sleep timer", () => {
  let fades: number[];
  let stops: number;
  let dispose: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    fades = [];
    stops = 0;
    dispose = startSleepTimer({ setFade: (f) => fades.push(f), stop: () => stops++ });
  });
  afterEach(() => {
    dispose();
    sleepTimerChanged(null);
  });

  it("fades out over the last seconds, then stops and clears itself", async () => {
    sleepTimerChanged(Date.now() + 60_000);
    await vi.advanceTimersByTimeAsync(60_000 - FADE_MS - 1);
    expect(fades.filter((f) => f < 1)).toEqual([]);
    await vi.advanceTimersByTimeAsync(FADE_MS / 2);
    const mid = fades.at(-1) ?? 1;
    expect(mid).toBeGreaterThan(0.3);
    expect(mid).toBeLessThan(0.7);
    expect(stops).toBe(0);
    await vi.advanceTimersByTimeAsync(FADE_MS);
    expect(stops).toBe(1);
    expect(fades.at(-1)).toBe(1);
    expect(getPlayerState().sleepAt).toBeNull();
  });

  it("does nothing once cancelled", async () => {
    sleepTimerChanged(Date.now() + 20_000);
    sleepTimerChanged(null);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stops).toBe(0);
  });
});
