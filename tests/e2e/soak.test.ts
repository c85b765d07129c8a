/**
 * A one-minute chaos soak in every test run: the production build plays while the station injects a
 * random fault every few seconds and the listener switches stations and logs in and out. The same
 * engine runs for as long as you like with `npm run soak -- --minutes N`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runSoak, SOAK_LIMITS, summary, verdict } from "../soak/chaos.mjs";
import { launchBrowser } from "./support/browser";

const appUrl = inject("appUrl");
const stationUrl = inject("stationUrl");
const SOAK_MS = 60_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("chaos soak", () => {
  it("stays in step with the station through a minute of random faults, switches and logins", {
    timeout: SOAK_MS + 4 * SOAK_LIMITS.recoveryBoundMs,
  }, async () => {
    const lines: string[] = [];
    const report = await runSoak({
      browser,
      appUrl,
      stationUrl,
      durationMs: SOAK_MS,
      log: (l) => lines.push(l),
    });
    const broken = verdict(report);
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/soak-e2e.json", `${JSON.stringify({ broken, ...report }, null, 2)}\n`);
    console.log(`\n${summary(report)}\n${broken.length ? `\n${lines.join("\n")}\n` : ""}`);

    expect(report.faultsInjected, "faults were injected").toBeGreaterThanOrEqual(4);
    expect(report.actions["switch-station"] ?? 0, "stations were switched").toBeGreaterThan(0);
    expect(broken).toEqual([]);
    // The checks above in detail, so a failure names the limit.
    expect(report.pageErrors).toEqual([]);
    expect(report.sockets.maxOpen).toBeLessThanOrEqual(1);
    expect(report.mismatches.max ?? 0).toBeLessThanOrEqual(
      SOAK_LIMITS.recoveryBoundMs + Math.max(0, ...report.mismatches.episodes.map((m) => m.faultMs)),
    );
  });
});
