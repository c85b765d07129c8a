// The static shell (index.html) is the first paint; the app's first render replaces it. Where the
// two disagree, the cover and the title jump as the app arrives, which a person sees as the page
// moving under them. The shell's markup is kept by hand to mirror src/app/app.tsx's header and the
// now-playing card; this holds it to them at a phone's and a desktop's width, with and without an
// event on air (its badge is a row of its own on a narrow column).
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

/** The cover's and the title's boxes in the now-playing region, shell or app alike, in whole pixels. */
function nowPlayingBoxes(page: Page) {
  return page.evaluate(() => {
    const region = document.querySelector('section[aria-label="Now playing"]');
    const box = (element: Element | null | undefined) => {
      if (!element) return null;
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    };
    return { cover: box(region?.firstElementChild), title: box(region?.querySelector("h2")) };
  });
}

/** Moves the J-pop station on until its event is (or is not) on air: it runs 6 plays in every 18. */
async function untilEvent(onAir: boolean) {
  for (let plays = 0; plays < 18; plays++) {
    if (!!(await station.state()).stations.jpop.event === onAir) return;
    await station.next("jpop");
  }
  throw new Error(`the station's event never ${onAir ? "started" : "ended"}`);
}

describe("the static shell and the app", () => {
  it.each([
    ["desktop, an event on air", { width: 1280, height: 800 }, true],
    ["desktop, no event", { width: 1280, height: 800 }, false],
    ["phone, an event on air", { width: 360, height: 740 }, true],
    ["phone, no event", { width: 360, height: 740 }, false],
  ])("put the cover and the title in the same place (%s)", async (_, viewport, event) => {
    await untilEvent(event);
    const context = await suite.browser.newContext({ viewport, serviceWorkers: "block" });
    contexts.push(context);
    const page = await context.newPage();
    const scripts = await holdScripts(page);
    await page.goto(appUrl, { waitUntil: "commit" });
    const live = (await station.state()).stations.jpop.song.title;
    // Measured as it is painted: the live title written in, and the stylesheet applied.
    await eventually(
      async () =>
        (await shellTitle(page)) === live &&
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
            (link) => link.sheet,
          ),
        ),
      "the shell shows the live title, styled",
    );
    const shell = await nowPlayingBoxes(page);

    await scripts.release();
    await page.locator("#lm-shell-title").waitFor({ state: "detached", timeout: 15_000 });
    await expect.poll(() => appTitle(page)).toBe(live);
    const app = await nowPlayingBoxes(page);

    expect(app.cover).toEqual(shell.cover);
    expect(app.title).toEqual(shell.title);
  });
});
