import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { audioState, openPlayer } from "./support/browser";
import { countGatewayFrames, pageHandledFrames } from "./support/gateway-frames";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite();
const { appUrl, station } = suite;

/** Resolves once the audio clock has moved `seconds` past where it is now. */
async function advancesBy(page: Page, seconds: number, timeoutMs = 15_000) {
  const start = (await audioState(page)).currentTime;
  await eventually(
    async () => (await audioState(page)).currentTime > start + seconds,
    `audio currentTime advances ${seconds}s past ${start.toFixed(1)}`,
    timeoutMs,
  );
}

async function streamRequests(path: string) {
  return (await station.state()).audio.requests.filter((r) => r.path === path).length;
}

describe("listening", () => {
  it("plays, stops, and plays again from the live edge with a new stream request", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await page.getByRole("button", { name: "Play" }).click();
    await advancesBy(page, 1.5);
    expect(await page.getByText("Playing", { exact: true }).count()).toBe(1);
    const requestsBefore = await streamRequests("/stream");
    expect(requestsBefore).toBeGreaterThanOrEqual(1);

    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByRole("button", { name: "Play" }).waitFor();
    expect((await audioState(page)).src).toBe("");
    // Stopped means the stream is let go, not paused: the station sees its listener leave.
    await eventually(
      async () => ((await station.state()).audio.open["/stream"] ?? 0) === 0,
      "the station's /stream has no listener left",
    );

    await page.getByRole("button", { name: "Play" }).click();
    await advancesBy(page, 1);
    expect(await streamRequests("/stream")).toBe(requestsBefore + 1);
    expect(errors).toEqual([]);
    await close();
  });

  it("switches the stream when the station changes while playing", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await page.getByRole("button", { name: "Play" }).click();
    await advancesBy(page, 1);
    await page.getByRole("tab", { name: "K-pop" }).click();
    await eventually(
      async () => (await audioState(page)).src.includes("/kpop/stream"),
      "the K-pop stream loads",
    );
    await advancesBy(page, 1);
    expect(errors).toEqual([]);
    await close();
  });

  it("recovers on its own when the stream is cut mid-play", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await page.getByRole("button", { name: "Play" }).click();
    await advancesBy(page, 1);
    const requests = await streamRequests("/stream");
    await station.fault({ type: "audio", mode: "cut" });
    await eventually(
      async () => (await streamRequests("/stream")) > requests,
      "a new stream request",
      20_000,
    );
    await advancesBy(page, 2, 20_000);
    expect(errors).toEqual([]);
    await close();
  });

  it("recovers when the stream stalls with the connection open", { timeout: 90_000 }, async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await page.getByRole("button", { name: "Play" }).click();
    await advancesBy(page, 1);
    const requests = await streamRequests("/stream");
    // The server stops sending but keeps the connection open; the buffered burst plays out first.
    await station.fault({ type: "audio", mode: "stall" });
    await page.getByText("Buffering…").waitFor({ timeout: 40_000 });
    await eventually(
      async () => (await streamRequests("/stream")) > requests,
      "the watchdog reloads",
      30_000,
    );
    await station.clear();
    await advancesBy(page, 2, 30_000);
    await page.getByText("Playing", { exact: true }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await close();
  });

  it("does not start audio after a gateway reconnect when the user had stopped", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl, undefined, {
      beforeLoad: (page) => page.context().addInitScript(countGatewayFrames),
    });
    await page.getByRole("button", { name: "Play" }).click();
    await advancesBy(page, 1);
    await page.getByRole("button", { name: "Stop" }).click();
    const requests = await streamRequests("/stream");
    const t0 = Date.now();
    await station.fault({ type: "drop", code: 1006 });
    await eventually(async () => {
      const open = (await station.state()).connections.filter((c) => c.closedAt === null);
      return open.length === 1 && Date.parse(open[0].openedAt) >= t0;
    }, "the gateway reconnects");
    // A wrong restart would come from the reconnect: its welcome, its status or its first song. Once the
    // page has handled every frame of the new socket and drawn a frame, it would have asked for audio.
    await pageHandledFrames(page, station);
    expect((await audioState(page)).src, "no stream after the reconnect").toBe("");
    expect(await streamRequests("/stream")).toBe(requests);
    expect((await audioState(page)).paused).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
  it("lets MP3 take over when the Vorbis mount fails", async () => {
    await station.fault({ type: "audio", mode: "404", mount: "/stream" });
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await page.getByRole("button", { name: "Play" }).click();
    await eventually(
      async () => (await audioState(page)).src.includes("/fallback"),
      "the MP3 mount takes over",
      20_000,
    );
    await advancesBy(page, 1.5);
    expect(await streamRequests("/fallback")).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await close();
  });
});
