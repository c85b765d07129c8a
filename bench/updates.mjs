// Update latency (gateway frame arrives → the DOM shows it) in the production build, and commit
// counts per region with the React Profiler in the profiling build. The station's `burst` control
// action sends the updates: "track" (a new song each time) or "listeners" (same song, count + 1).

import { openPage, waitForTitle } from "./browser.mjs";
import { playing, titleOf } from "./station-helpers.mjs";
import { summary } from "./stats.mjs";

const STATION = "jpop";

function parse(data) {
  try {
    const frame = JSON.parse(data);
    return frame?.op === 1 && frame.t === "TRACK_UPDATE" ? frame.d : null;
  } catch {
    return null;
  }
}

/**
 * For each frame that should change what `records` track, the time until the first record at or
 * after the frame that shows the expected value. A frame whose value equals the previous frame's is
 * skipped (nothing on screen would change).
 */
export function pairLatencies(frames, records, expectedOf) {
  const latencies = [];
  let previous;
  let from = 0;
  for (const [at, data] of frames) {
    const d = parse(data);
    if (!d) continue;
    const expected = expectedOf(d);
    if (expected === previous) continue;
    previous = expected;
    while (from < records.length && records[from][0] < at) from++;
    for (let i = from; i < records.length; i++) {
      if (records[i][1] === expected) {
        latencies.push(records[i][0] - at);
        break;
      }
    }
  }
  return latencies;
}

async function openWarmPage(browser, url, station) {
  const opened = await openPage(browser);
  await opened.page.goto(url);
  await waitForTitle(opened.page, playing(station, STATION).title);
  // Let the first history request, the deferred islands and image loads settle.
  await opened.page.waitForTimeout(2000);
  return opened;
}

/**
 * In the profiling build, wait until a whole second passes with no commit but the progress bar's
 * tick, so that late start-up work (history from GraphQL, the account area) is not counted.
 */
async function waitForQuiet(page) {
  for (let attempt = 0; attempt < 15; attempt++) {
    await page.evaluate(() => window.__benchCommits.splice(0));
    await page.waitForTimeout(1000);
    const ids = await page.evaluate(() => window.__benchCommits.map((r) => r.id));
    if (ids.every((id) => id === "now-playing")) return;
  }
  throw new Error("the page never went quiet (commits kept coming)");
}

/** The page may lag well behind the station on a busy machine: wait for the last update to show. */
async function waitForBurstShown(page, kind, result) {
  if (kind === "track") await waitForTitle(page, titleOf(result.song), 90_000);
  else
    await page.waitForFunction((n) => window.__bench.counts.at(-1)?.[1] === n, result.listeners, {
      timeout: 90_000,
      polling: 10,
    });
}

/**
 * @param {{browser: any, appUrl: string, station: any, runs: number, count: number, intervalMs: number}} options
 */
export async function measureUpdateLatency({ browser, appUrl, station, runs, count, intervalMs }) {
  const { page, close, errors } = await openWarmPage(browser, appUrl, station);
  const result = { track: [], listeners: [] };
  try {
    for (const kind of ["track", "listeners"]) {
      for (let run = 0; run < runs; run++) {
        await page.evaluate(() => {
          const b = window.__bench;
          b.frames.length = 0;
          b.titles.length = 0;
          b.counts.length = 0;
        });
        const burst = await station.burst({ station: STATION, kind, count, intervalMs, wait: true });
        await waitForBurstShown(page, kind, burst);
        await page.waitForTimeout(50);
        const { frames, titles, counts } = await page.evaluate(() => ({
          frames: window.__bench.frames,
          titles: window.__bench.titles,
          counts: window.__bench.counts,
        }));
        const latencies =
          kind === "track"
            ? pairLatencies(frames, titles, (d) => titleOf(d.song))
            : pairLatencies(frames, counts, (d) => d.listeners);
        result[kind].push({ ...summary(latencies), frames: frames.length });
      }
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
  } finally {
    await close();
  }
  return result;
}

/** Profiler records grouped into commits (records of one commit share its commitTime). */
function groupCommits(records) {
  const byTime = new Map();
  for (const record of records) {
    const commit = byTime.get(record.commitTime) ?? { time: record.commitTime, regions: {} };
    commit.regions[record.id] = record.actualDuration;
    byTime.set(record.commitTime, commit);
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** HistoryList re-renders on its own every 30 s to refresh "3 min ago" (history-list.tsx). */
const HISTORY_CLOCK_MS = 30_000;

/**
 * React batches a pending timer update into the next synchronous commit, so a burst that spans the
 * history clock's tick would show "history" in one update's commit for reasons of its own. Start
 * the burst just after a tick when it would not fit before the next one.
 */
async function avoidHistoryClock(page, mountedAt, burstMs) {
  if (mountedAt === null) return;
  const now = await page.evaluate(() => performance.now());
  const untilTick = HISTORY_CLOCK_MS - ((now - mountedAt) % HISTORY_CLOCK_MS);
  if (untilTick < burstMs) await page.waitForTimeout(untilTick + 500);
}

/**
 * Sends `count` listener-only updates, then `count` track updates, to the profiling build; counts,
 * per region, the commits it took part in, and times each frame to its React commit (Profiler
 * commitTime and the frame stamp share the page's performance.now() clock).
 * @param {{browser: any, profileUrl: string, station: any, count: number, intervalMs: number}} options
 */
export async function measureCommits({ browser, profileUrl, station, count, intervalMs }) {
  const { page, close, errors } = await openWarmPage(browser, profileUrl, station);
  const out = {};
  try {
    const hasProfiler = await page.evaluate(() => Array.isArray(window.__benchCommits));
    if (!hasProfiler) throw new Error("the profiling build recorded no commits (is VITE_PROFILE wired?)");
    const historyMountedAt = await page.evaluate(
      () => window.__benchCommits.find((r) => r.id === "history" && r.phase === "mount")?.commitTime ?? null,
    );
    for (const kind of ["listeners", "track"]) {
      await waitForQuiet(page);
      await avoidHistoryClock(page, historyMountedAt, count * intervalMs * 1.5 + 1000);
      await page.evaluate(() => {
        window.__benchCommits = [];
        window.__bench.frames.length = 0;
        window.__bench.counts.length = 0;
      });
      const burst = await station.burst({ station: STATION, kind, count, intervalMs, wait: true });
      await waitForBurstShown(page, kind, burst);
      await page.waitForTimeout(300);
      const { records, frames } = await page.evaluate(() => ({
        records: window.__benchCommits.splice(0),
        frames: window.__bench.frames.filter(([, data]) => String(data).includes('"TRACK_UPDATE"')),
      }));
      const commits = groupCommits(records);
      // Frame → React commit: the first commit at or after the frame that includes the region
      // showing the change (the update renders synchronously, so nothing else can come between).
      const region = kind === "listeners" ? "listeners" : "now-playing";
      const withRegion = commits.filter((c) => region in c.regions);
      const commitLatencies = [];
      let next = 0;
      for (const [at] of frames) {
        while (next < withRegion.length && withRegion[next].time < at) next++;
        if (next < withRegion.length) commitLatencies.push(withRegion[next].time - at);
      }
      const regions = {};
      for (const commit of commits) {
        for (const id of Object.keys(commit.regions)) regions[id] = (regions[id] ?? 0) + 1;
      }
      // The commits that carried the update: those with the listener count (listener updates), or
      // with the card or history (track updates). Commits with the card alone are the progress
      // bar's once-a-second tick, which happens whatever the station sends.
      const isTick = (c) => Object.keys(c.regions).length === 1 && "now-playing" in c.regions;
      const carrying =
        kind === "listeners"
          ? commits.filter((c) => "listeners" in c.regions)
          : commits.filter((c) => !isTick(c));
      const alongside = {};
      for (const commit of carrying) {
        for (const id of Object.keys(commit.regions)) alongside[id] = (alongside[id] ?? 0) + 1;
      }
      out[kind] = {
        updates: frames.length,
        commitLatency: summary(commitLatencies),
        commits: commits.length,
        ticks: commits.filter(isTick).length,
        regions,
        updateCommits: carrying.length,
        regionsInUpdateCommits: alongside,
      };
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
  } finally {
    await close();
  }
  return out;
}

/**
 * A burst of `count` track updates sent back to back (the station's `burst` control, no interval):
 * how long after the burst's last frame its song is on screen, and how many titles the page drew
 * on the way. Frames are shown at most once per animation frame, so the page should draw a handful
 * of titles, not `count`, and show the last one within about a frame of the last frame.
 * @param {{browser: any, appUrl: string, station: any, runs: number, count: number}} options
 */
export async function measureBurst({ browser, appUrl, station, runs, count }) {
  const { page, close, errors } = await openWarmPage(browser, appUrl, station);
  const result = [];
  try {
    for (let run = 0; run < runs; run++) {
      await page.evaluate(() => {
        window.__bench.frames.length = 0;
        window.__bench.titles.length = 0;
      });
      const burst = await station.burst({
        station: STATION,
        kind: "track",
        count,
        intervalMs: 0,
        wait: true,
      });
      await waitForBurstShown(page, "track", burst);
      const { frames, titles } = await page.evaluate(() => ({
        frames: window.__bench.frames.map(([at]) => at),
        titles: window.__bench.titles,
      }));
      const last = titleOf(burst.song);
      const lastFrameAt = frames.at(-1);
      // Titles repeat in a long burst (the catalogue is smaller): the last song's own drawing is the
      // first with its title at or after the burst's last frame.
      const shownAt = titles.find(([at, title]) => title === last && at >= lastFrameAt)?.[0];
      result.push({
        frames: frames.length,
        titlesDrawn: titles.length,
        burstMs: frames.at(-1) - frames[0],
        afterLastFrameMs: shownAt - lastFrameAt,
        afterFirstFrameMs: shownAt - frames[0],
      });
    }
    if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
  } finally {
    await close();
  }
  return result;
}
