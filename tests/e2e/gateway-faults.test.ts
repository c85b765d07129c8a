import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { openPlayer } from "./support/browser";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite();
const { appUrl, station } = suite;
afterEach(async () => {
  await station.clear();
  await station.config({ heartbeatMs: 35_000 });
});

function title(page: Page) {
  return page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
}

/** The screen shows the station's current J-pop song and says it is live. */
async function matchesStation(page: Page, timeoutMs = 15_000) {
  await eventually(
    async () => {
      const { stations } = await station.state();
      const shown = await title(page).textContent();
      const status = await page.getByRole("status", { name: "Connection" }).textContent();
      return shown === stations.jpop.song.title && status?.includes("Live");
    },
    "the screen matches the station and is live",
    timeoutMs,
  );
}

async function oneSocket() {
  await eventually(async () => (await station.state()).sockets.total === 1, "exactly one gateway socket");
}

describe("the gateway misbehaves", () => {
  it("survives a dropped connection and shows the song that started meanwhile", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await matchesStation(page);
    await station.fault({ type: "drop", code: 1006 });
    await station.next("jpop");
    await matchesStation(page);
    await oneSocket();
    expect(errors).toEqual([]);
    await close();
  });

  it("notices a zombie socket (no acks, no frames) and reconnects", async () => {
    await station.config({ heartbeatMs: 2_000 });
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await matchesStation(page);
    await station.fault({ type: "zombie", durationMs: 4_000 });
    await station.next("jpop");
    await eventually(
      async () =>
        /Reconnecting|Connecting/.test(
          (await page.getByRole("status", { name: "Connection" }).textContent()) ?? "",
        ),
      "the status admits the connection is down",
      15_000,
    );
    await matchesStation(page, 20_000);
    await oneSocket();
    expect(errors).toEqual([]);
    await close();
  });

  it("ignores malformed, oversized and unknown frames without a page error", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await matchesStation(page);
    for (const type of ["malformed", "wrong-shape", "unknown", "oversized"]) {
      await station.fault({ type, station: "jpop" });
    }
    await station.next("jpop");
    await matchesStation(page);
    await oneSocket();
    expect(errors).toEqual([]);
    await close();
  });
});
