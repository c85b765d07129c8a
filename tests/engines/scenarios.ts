/**
 * The listener's paths through the player, written once against the driver interface and run in
 * every engine. Each scenario also asserts that the page raised no errors.
 */
import { expect, it } from "vitest";
import { eventually } from "../e2e/support/station";
import { maxOpenSockets } from "../soak/observe.mjs";
import { DESKTOP, type EnginePage, PHONE, type Query } from "./driver";
import { expectMusic, loudness } from "./sound";
import type { EngineSuite } from "./suite";

/** The longest silence allowed across a song boundary; a gap this long between songs is not heard as a dropout. */
const MAX_BOUNDARY_SILENCE_MS = 1_000;

const NOW_PLAYING: Query = { role: "region", name: "Now playing" };
const TITLE: Query = { role: "heading", level: 2, within: NOW_PLAYING };
const HISTORY: Query = { role: "region", name: "History" };
const CONNECTION: Query = { role: "status", name: "Connection" };
const PLAY: Query = { role: "button", name: "Play" };
const STOP: Query = { role: "button", name: "Stop" };

export function audioState(page: EnginePage) {
  return page.evaluate(() => {
    const audio = document.querySelector("audio");
    return audio
      ? { currentTime: audio.currentTime, src: audio.getAttribute("src") ?? "", paused: audio.paused }
      : { currentTime: 0, src: "", paused: true };
  });
}

/** Resolves once the audio clock has moved `seconds` past where it is now. */
export async function advancesBy(page: EnginePage, seconds: number, timeoutMs = 20_000) {
  const start = (await audioState(page)).currentTime;
  await eventually(
    async () => (await audioState(page)).currentTime > start + seconds,
    `audio currentTime advances ${seconds}s past ${start.toFixed(1)}`,
    timeoutMs,
  );
}

/** The player's status line ("Playing", "Buffering…"), next to the Play/Stop button. */
export function statusLine(page: EnginePage) {
  return page.evaluate(() => document.querySelector("footer [aria-live='polite']")?.textContent ?? "");
}

export async function expectNoPageErrors(page: EnginePage) {
  expect(await page.pageErrors()).toEqual([]);
}

export function registerScenarios(suite: EngineSuite, { safariPath = false } = {}) {
  const station = {
    state: () => suite.station.state(),
    next: (which: "jpop" | "kpop") => suite.station.next(which),
    fault: (fault: { type: string; [key: string]: unknown }) => suite.station.fault(fault),
  };

  async function streamRequests(path: string) {
    return (await suite.station.state()).audio.requests.filter((r) => r.path === path).length;
  }

  async function titleIs(page: EnginePage, expected: string | null, what: string) {
    await eventually(async () => (await (await page.find(TITLE)).text()) === expected, what);
  }

  for (const [label, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    it(`shows the station's song, listeners, history and Live at once (${label}, ${viewport.width} px)`, async () => {
      const page = await suite.open({ viewport });
      const { stations } = await station.state();
      await titleIs(page, stations.jpop.song.title, "the station's current song shows");
      await eventually(
        async () => (await (await page.find(CONNECTION)).text()).includes("Live"),
        "it says Live",
      );
      expect(await page.count({ text: /^\d+ listeners?$/, within: NOW_PLAYING })).toBe(1);
      const width = await page.evaluate(() => innerWidth);
      expect(width).toBe(Math.max(viewport.width, suite.engine.minWidth));
      // The whole first screen before the picture: played-before times (GraphQL), the login button
      // (a lazy chunk), every image loaded.
      await page.find({ text: /^\d+ min\. ago$/, within: HISTORY }, 20_000);
      await page.find({ role: "button", name: "Log in" }, 20_000);
      await eventually(
        () =>
          page.evaluate(() =>
            // Lazy images below the fold never load (WebKit then reports them incomplete): on-screen only.
            [...document.images]
              .filter((img) => img.getBoundingClientRect().top < innerHeight)
              .every((img) => img.complete),
          ),
        "on-screen images finish loading",
      );
      await page.screenshot(suite.screenshotPath(`${label}-${width}px`));
      await expectNoPageErrors(page);
    });
  }

  it("lists history and moves the finished song into it", async () => {
    const page = await suite.open();
    const before = (await station.state()).stations.jpop.song.title;
    await titleIs(page, before, "the first song shows");
    expect(await page.count({ role: "listitem", within: HISTORY })).toBeGreaterThanOrEqual(2);
    await station.next("jpop");
    await titleIs(page, (await station.state()).stations.jpop.song.title, "the next song shows");
    const firstRow = await page.find({ role: "listitem", within: HISTORY });
    expect(await firstRow.text()).toContain(before ?? "");
    await expectNoPageErrors(page);
  });

  it("switches to K-pop and back with one gateway socket open at a time", async () => {
    const page = await suite.open();
    const { stations } = await station.state();
    await titleIs(page, stations.jpop.song.title, "the J-pop song shows");
    await (await page.find({ role: "tab", name: "K-pop" })).click();
    await titleIs(page, stations.kpop.song.title, "the K-pop song shows");
    expect(await (await page.find({ role: "tab", name: "K-pop" })).attribute("aria-selected")).toBe("true");
    expect(await page.evaluate(() => location.pathname)).toBe("/kpop");
    await eventually(async () => {
      const { sockets } = await station.state();
      return sockets.kpop === 1 && sockets.total === 1;
    }, "only the K-pop socket is open");
    await (await page.find({ role: "tab", name: "J-pop" })).click();
    await titleIs(page, stations.jpop.song.title, "the J-pop song shows again");
    await eventually(async () => {
      const { sockets } = await station.state();
      return sockets.jpop === 1 && sockets.total === 1;
    }, "only the J-pop socket is open");
    // Never two at once on the station's side (the closing handshake's grace aside, as in the soak).
    expect(maxOpenSockets((await station.state()).connections)).toBe(1);
    await expectNoPageErrors(page);
  });

  it("reconnects after the gateway drops the socket, and follows the next song", async () => {
    const page = await suite.open();
    await titleIs(page, (await station.state()).stations.jpop.song.title, "the first song shows");
    await eventually(async () => (await station.state()).sockets.total === 1, "one socket");
    const dropAt = Date.now();
    await station.fault({ type: "drop", code: 1006 });
    await eventually(
      async () => {
        const { sockets, connections } = await station.state();
        return (
          sockets.total === 1 && connections.some((c) => Date.parse(c.openedAt) >= dropAt - 50 && !c.closedAt)
        );
      },
      "a new socket replaces the dropped one",
      20_000,
    );
    await station.next("jpop");
    await titleIs(
      page,
      (await station.state()).stations.jpop.song.title,
      "the new socket brings the next song",
    );
    await eventually(
      async () => (await (await page.find(CONNECTION)).text()).includes("Live"),
      "it says Live",
    );
    await expectNoPageErrors(page);
  });

  it("logs in and toggles a favorite, in step with the station", async () => {
    const page = await suite.open();
    await (await page.find({ role: "button", name: "Log in" })).click();
    const dialog: Query = { role: "dialog" };
    await (await page.find({ role: "textbox", name: "Username or email", within: dialog })).type("kana");
    await (await page.find({ role: "textbox", name: "Password", within: dialog })).type("kana-password");
    await (await page.find({ role: "button", name: "Log in", within: dialog })).click();
    await eventually(
      async () => (await (await page.find({ role: "region", name: "Account" })).text()).startsWith("Kana"),
      "the header shows Kana",
    );
    const { stations } = await station.state();
    const heart: Query = {
      role: "button",
      name: `Favorite ${stations.jpop.song.title}`,
      within: NOW_PLAYING,
    };
    const favorites = async () => (await station.state()).favorites.kana ?? [];
    const was = (await favorites()).includes(stations.jpop.song.id);
    for (const expected of [!was, was]) {
      await (await page.find(heart)).click();
      await eventually(
        async () => (await (await page.find(heart)).attribute("aria-pressed")) === String(expected),
        `the heart says aria-pressed=${expected}`,
      );
      await eventually(
        async () => (await favorites()).includes(stations.jpop.song.id) === expected,
        `the station ${expected ? "has" : "no longer has"} the favorite`,
      );
    }
    await expectNoPageErrors(page);
  });

  it("plays into the sound device, stops, and plays again from a new stream", async () => {
    const page = await suite.open();
    await (await page.find(PLAY)).click();
    await advancesBy(page, 1.5);
    await page.find({ text: "Playing" });
    // Real output: the browser's stream is on the null sink of this file's own PulseAudio, and it is
    // music, not a muted stream of zeros.
    await eventually(async () => (await suite.sound.playingStreams()) >= 1, "a stream plays into PulseAudio");
    expectMusic(await suite.sound.record(3_000));
    const requests = await streamRequests("/stream");
    expect(requests).toBeGreaterThanOrEqual(1);

    await (await page.find(STOP)).click();
    await page.find(PLAY);
    expect((await audioState(page)).src).toBe("");
    await eventually(
      async () => (await station.state()).audio.open["/stream"] === 0,
      "the stream connection closes",
    );

    await (await page.find(PLAY)).click();
    await advancesBy(page, 1);
    expect(await streamRequests("/stream")).toBe(requests + 1);
    await expectNoPageErrors(page);
  });

  it("switches the stream when the station changes while playing", async () => {
    const page = await suite.open();
    await (await page.find(PLAY)).click();
    await advancesBy(page, 1);
    await (await page.find({ role: "tab", name: "K-pop" })).click();
    await eventually(
      async () => (await audioState(page)).src.includes("/kpop/stream"),
      "the K-pop stream loads",
    );
    await advancesBy(page, 1);
    await eventually(
      async () => (await station.state()).audio.open["/stream"] === 0,
      "the J-pop stream closes",
    );
    await expectNoPageErrors(page);
  });

  it("recovers on its own when the stream is cut mid-play", { timeout: 150_000 }, async () => {
    const page = await suite.open();
    await (await page.find(PLAY)).click();
    await advancesBy(page, 1);
    const requests = await streamRequests("/stream");
    await station.fault({ type: "audio", mode: "cut" });
    // Chromium re-requests at once; WebKit first plays out the ~20 s it has buffered, then the stall
    // watchdog reloads.
    await eventually(
      async () => (await streamRequests("/stream")) > requests,
      "a new stream request",
      60_000,
    );
    await advancesBy(page, 2, 30_000);
    await expectNoPageErrors(page);
  });

  it("plays across chained-Ogg song boundaries without a stall or a reload", {
    timeout: 120_000,
  }, async () => {
    // Speed 4 makes each song a quarter of the jingle (~7.5 s), so 30 s of audio crosses three or more
    // boundaries: each a new logical bitstream, as LISTEN.moe's Icecast sends at every song.
    await suite.station.config({ speed: 4 });
    try {
      const page = await suite.open();
      await (await page.find(PLAY)).click();
      await advancesBy(page, 0.5);
      const requests = await streamRequests("/stream");
      const seen = new Set<string>();
      const start = (await audioState(page)).currentTime;
      const recording = suite.sound.record(30_000);
      await eventually(
        async () => {
          seen.add(await statusLine(page));
          return (await audioState(page)).currentTime > start + 30;
        },
        "30 s of audio play",
        60_000,
      );
      expect([...seen]).toEqual(["Playing"]);
      // What came out of the speaker across the boundaries: music all along, no gap a listener notices.
      const heard = loudness(await recording);
      console.log(`${suite.engine.name}: 30 s across chained-Ogg boundaries: ${JSON.stringify(heard)}`);
      expect(heard.soundingShare, JSON.stringify(heard)).toBeGreaterThan(0.9);
      expect(heard.longestSilenceMs, JSON.stringify(heard)).toBeLessThan(MAX_BOUNDARY_SILENCE_MS);
      expect(await streamRequests("/stream")).toBe(requests);
      await expectNoPageErrors(page);
    } finally {
      await suite.station.config({ speed: 1 });
    }
  });

  if (safariPath) {
    it("plays MP3 /fallback where canPlayType says no to Ogg (the Safari path)", async () => {
      const page = await suite.open({ initScript: SAY_NO_TO_OGG });
      expect(
        await page.evaluate(() => document.createElement("audio").canPlayType('audio/ogg; codecs="vorbis"')),
      ).toBe("");
      await (await page.find(PLAY)).click();
      await eventually(
        async () => (await audioState(page)).src.includes("/fallback"),
        "the MP3 mount is chosen",
      );
      await advancesBy(page, 1.5);
      expect(await streamRequests("/stream")).toBe(0);
      await eventually(
        async () => (await suite.sound.playingStreams()) >= 1,
        "the MP3 plays into PulseAudio",
      );
      expectMusic(await suite.sound.record(3_000));
      await expectNoPageErrors(page);
    });
  }
}

/** Makes the page's canPlayType answer as Safari does for Ogg (""), and honestly for everything else. */
export const SAY_NO_TO_OGG = `(() => {
  const original = HTMLMediaElement.prototype.canPlayType;
  HTMLMediaElement.prototype.canPlayType = function (type) {
    return /ogg|vorbis|opus/i.test(type) ? "" : original.call(this, type);
  };
})()`;
