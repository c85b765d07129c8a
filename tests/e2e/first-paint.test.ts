// The title before the app: index.html's static shell and its inline gateway bootstrap
// (src/boot/early-gateway.js) show the song while the bundle has not even arrived. The bundle is
// held back here (its requests never answer), so whatever shows came from index.html alone.
import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { appTitle, holdScripts, shellTitle } from "./support/shell";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite();
const { appUrl, station } = suite;

const contexts: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function newPage(): Promise<Page> {
  // A service worker would answer the reload's script requests itself, past page.route().
  const context = await suite.browser.newContext({ serviceWorkers: "block" });
  contexts.push(context);
  return context.newPage();
}

describe("the first paint, before the app's bundle", () => {
  it("shows the live title from the bootstrap's socket, and the app adopts that socket", async () => {
    const page = await newPage();
    const scripts = await holdScripts(page);
    await page.goto(appUrl, { waitUntil: "commit" });
    const live = (await station.state()).stations.jpop.song.title;
    await eventually(async () => (await shellTitle(page)) === live, "the shell shows the live title");
    expect((await station.state()).sockets.jpop, "the bootstrap's socket is open").toBe(1);

    await scripts.release();
    await page.locator("#lm-shell-title").waitFor({ state: "detached", timeout: 15_000 });
    expect(await appTitle(page), "the app shows the same title").toBe(live);
    const { connections } = await station.state();
    expect(connections.length, "one socket for the whole load: the bootstrap's, adopted").toBe(1);
    expect(connections[0]?.closedAt).toBeNull();
  });

  it("shows a returning visitor the last known song when the gateway does not answer", async () => {
    const page = await newPage();
    await page.goto(appUrl);
    const known = (await station.state()).stations.jpop.song.title;
    await eventually(async () => (await appTitle(page)) === known, "the first visit shows the song");

    // A silent gateway: whatever title shows now can only come from what the first visit stored.
    await station.fault({ type: "no-welcome", durationMs: 60_000 });
    const scripts = await holdScripts(page);
    await page.reload({ waitUntil: "commit" });
    await eventually(async () => (await shellTitle(page)) === known, "the shell shows the stored song");
    await scripts.release();
  });
});
