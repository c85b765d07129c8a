// Long life: many track updates, gateway reconnects and station switches in one page, then the JS
// heap after forced GC against a warmed-up baseline, DOM node and event-listener counts, and the
// number of open gateway sockets (station side at every settle point, and client side at every
// socket open: sockets in the OPEN state at that moment).
//
// A reconnect is a station-side drop (close codes vary, 1006 cuts TCP). The client then waits out its
// backoff; to keep 500 reconnects within the bench's time, the page's `online` event is fired once
// the close has been seen, which the gateway client treats as "retry now" (and resets its backoff).
// One reconnect per round waits for the backoff timer instead.

import { memorySnapshot, openPage, waitForTitle } from "./browser.mjs";
import { openSockets, playing, titleOf } from "./station-helpers.mjs";

const LABEL = { jpop: "J-pop", kpop: "K-pop" };
const DROP_CODES = [1001, 1006, 1011, 1012, 1000];

/** Drops the gateway socket at the station and waits for the client's next live socket. */
async function reconnect(page, station, key, before, { natural, code }) {
  await station.fault({ type: "drop", station: key, code });
  return page.evaluate(
    async ({ before, natural }) => {
      const { sockets, until: wait } = window.__bench;
      await wait(() => sockets.closed > before.closed, "the close was not seen");
      if (!natural) window.dispatchEvent(new Event("online"));
      await wait(
        () => sockets.created > before.created && sockets.newestFrames >= 2 && sockets.open === 1,
        "no new live socket",
      );
      return { ...sockets };
    },
    { before, natural },
  );
}

/** Clicks a station tab and waits for its title and its own live socket. */
async function switchTo(page, station, target, before) {
  const expected = playing(station, target).title;
  return page.evaluate(
    async ({ label, expected, before }) => {
      const { sockets, until: wait } = window.__bench;
      const tabs = [...document.querySelectorAll('[role="tab"]')];
      tabs.find((tab) => tab.textContent === label)?.click();
      const title = () => document.querySelector('section[aria-label="Now playing"] h2')?.textContent;
      await wait(
        () => title() === expected && sockets.created > before.created && sockets.newestFrames >= 2,
        `no ${label} title or socket`,
      );
      return { ...sockets };
    },
    { label: LABEL[target], expected, before },
  );
}

async function trackBurst(page, station, key, count) {
  const result = await station.burst({ station: key, kind: "track", count, intervalMs: 0, wait: true });
  await waitForTitle(page, titleOf(result.song), 60_000);
}

/**
 * @param {{browser: any, appUrl: string, station: any, rounds: number, updatesPerRound: number,
 *   reconnectsPerRound: number, switchesPerRound: number, sampleEvery?: number,
 *   log?: (line: string) => void}} options
 */
export async function measureLongLife(options) {
  const { browser, appUrl, station, rounds, updatesPerRound, reconnectsPerRound, switchesPerRound } = options;
  const log = options.log ?? (() => {});
  const { page, cdp, close, errors } = await openPage(browser);
  let maxStationSockets = 0;
  const settle = () => {
    maxStationSockets = Math.max(maxStationSockets, openSockets(station).total);
  };
  const totals = { updates: 0, reconnects: 0, switches: 0 };
  let codeIndex = 0;

  const spent = { updates: 0, reconnects: 0, switches: 0 };
  async function round(updates, reconnects, switches) {
    let at = Date.now();
    const lap = (key) => {
      spent[key] += Date.now() - at;
      at = Date.now();
    };
    await trackBurst(page, station, "jpop", updates);
    totals.updates += updates;
    settle();
    lap("updates");
    let sockets = await page.evaluate(() => ({ ...window.__bench.sockets }));
    for (let i = 0; i < reconnects; i++) {
      const code = DROP_CODES[codeIndex++ % DROP_CODES.length];
      sockets = await reconnect(page, station, "jpop", sockets, { natural: i === reconnects - 1, code });
      totals.reconnects++;
      settle();
    }
    lap("reconnects");
    // An even number of switches: every round ends on J-pop.
    for (let i = 0; i < switches; i++) {
      sockets = await switchTo(page, station, i % 2 === 0 ? "kpop" : "jpop", sockets);
      totals.switches++;
      settle();
    }
    lap("switches");
  }

  try {
    await page.goto(appUrl);
    await waitForTitle(page, playing(station, "jpop").title);
    await page.evaluate(() => {
      window.__bench.record = false;
    });
    // Warm up with one whole round: every code path, cache and lazy chunk is in use before the
    // baseline is taken (the heap grows about 0.5 MB in the first round, then levels off).
    await round(updatesPerRound, reconnectsPerRound, switchesPerRound);
    await page.waitForTimeout(500);
    const baseline = await memorySnapshot(cdp);
    const warmup = { ...totals };
    totals.updates = totals.reconnects = totals.switches = 0;
    spent.updates = spent.reconnects = spent.switches = 0;
    const samples = [];
    const started = Date.now();
    for (let r = 1; r <= rounds; r++) {
      await round(updatesPerRound, reconnectsPerRound, switchesPerRound);
      if (r % (options.sampleEvery ?? 5) === 0 || r === rounds) {
        await page.waitForTimeout(300);
        samples.push({ round: r, ...(await memorySnapshot(cdp)) });
        log(
          `long life: round ${r}/${rounds}, ${totals.updates} updates, ${totals.reconnects} reconnects, ${totals.switches} switches`,
        );
      }
    }
    const final = samples.at(-1);
    const clientSockets = await page.evaluate(() => ({ ...window.__bench.sockets }));
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    return {
      totals,
      warmup,
      seconds: (Date.now() - started) / 1000,
      secondsSpent: Object.fromEntries(Object.entries(spent).map(([key, value]) => [key, value / 1000])),
      baseline,
      final,
      samples,
      heapGrowth: final.heapUsed - baseline.heapUsed,
      maxStationSockets,
      clientSockets,
    };
  } finally {
    await close();
  }
}
