import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "../backoff";
import { CHUNK_RETRY_BACKOFF } from "../load-chunk";

const policy = fc
  .tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 600_000 }))
  .map(([baseMs, extra]) => ({ baseMs, maxMs: baseMs + extra }));

describe("backoffDelayMs", () => {
  it("starts between half the base and the base", () => {
    expect(backoffDelayMs(0, CHUNK_RETRY_BACKOFF, () => 0)).toBe(CHUNK_RETRY_BACKOFF.baseMs / 2);
    expect(backoffDelayMs(0, CHUNK_RETRY_BACKOFF, () => 1)).toBe(CHUNK_RETRY_BACKOFF.baseMs);
  });

  it("doubles its ceiling per attempt until the cap, then stays there", () => {
    fc.assert(
      fc.property(policy, (p) => {
        let previous = 0;
        for (let attempt = 0; attempt < 45; attempt++) {
          const ceiling = backoffDelayMs(attempt, p, () => 1);
          expect(ceiling).toBe(Math.round(Math.min(p.maxMs, p.baseMs * 2 ** attempt)));
          expect(ceiling).toBeGreaterThanOrEqual(previous);
          previous = ceiling;
        }
        expect(previous).toBe(p.maxMs);
      }),
    );
  });

  it("stays within [ceiling/2, cap] for any attempt, even a negative or fractional one, and any draw", () => {
    fc.assert(
      fc.property(
        policy,
        fc.double({ min: -10, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, attempt, r) => {
          const delay = backoffDelayMs(attempt, p, () => r);
          const ceiling = backoffDelayMs(attempt, p, () => 1);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(p.maxMs);
        },
      ),
    );
  });
});
