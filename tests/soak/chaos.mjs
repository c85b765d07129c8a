// The chaos soak: the production build plays in Chromium while the station misbehaves at random every
// few seconds and the "listener" switches stations and logs in and out. Every action is followed by a
// measured recovery; a monitor samples screen and station all along. One engine for the CLI
// (tests/soak/run.mjs, `npm run soak -- --minutes N`) and the e2e test (tests/e2e/soak.test.ts).

import {
  distribution,
  EXPECTED_CONSOLE,
  maxOpenSockets,
  memory,
  readScreen,
  screenMatches,
  sleep,
  stationApi,
  stationUp,
} from "./observe.mjs";

/** What a soak run must stay within; `verdict` turns a report into the list of broken limits. */
export const SOAK_LIMITS = {
  /**
   * The longest the screen may disagree with the station after an action: the welcome timeout (10 s)
   * plus the reconnect backoff cap (10 s), plus 5 s of slack for a busy machine.
   */
  recoveryBoundMs: 25_000,
  maxSockets: 1,
  /** Heap after GC may grow this much over the run: caches and the bounded history fill up first. */
  heapGrowthBytes: 8 * 1024 * 1024,
  /** DOM nodes may grow this much: the history fills up to its limit (30 rows) from what the page opened with. */
  nodeGrowth: 1_500,
};

export const SOAK_DEFAULTS = {
  durationMs: 60_000,
  /** Pause between one recovery and the next action. */
  gapMs: [1_500, 4_000],
  /** Songs change every ~20-40 s, so natural track changes mix with the faults. */
  speed: 8,
  /** Short heartbeats: zombies and lost acks show within seconds. */
  heartbeatMs: 2_000,
};

const STATION_DEFAULTS = { heartbeatMs: 35_000, speed: 1, heartbeatTimeoutMs: null };
const DROP_CODES = [1000, 4001, 4002, 4003, 4004, 4005, 1006];
const KANA = { username: "kana", password: "kana-password", displayName: "Kana" };

/** A small seeded PRNG (mulberry32), so a run can be repeated with its seed. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * The actions, each `{name, weight, run(ctx)}`. `run` injects the fault (and usually moves the song on,
 * so recovery means "the new song is on screen"); it returns a note for the log.
 */
function actions() {
  const fault = (name, weight, spec, { next = true, audio = false } = {}) => ({
    name,
    weight,
    kind: "fault",
    audio,
    // A lasting fault is measured from when it ends: until then the screen may be right by luck.
    lastsMs: Math.max(0, ...[spec].flat().map((s) => (typeof s === "object" ? (s.durationMs ?? 0) : 0))),
    async run({ api, rng, screen }) {
      const resolved = typeof spec === "function" ? spec(rng) : spec;
      for (const s of [resolved].flat()) await api.fault(s);
      if (next) await api.next(screen.station ?? "jpop");
      return JSON.stringify(resolved);
    },
  });
  return [
    fault("drop", 5, (rng) => ({ type: "drop", code: rng.pick(DROP_CODES) })),
    fault("zombie", 2, { type: "zombie", durationMs: 4_000 }),
    fault("no-ack", 2, { type: "no-ack", durationMs: 6_000 }),
    fault("no-welcome", 1, [
      { type: "no-welcome", durationMs: 3_000 },
      { type: "drop", code: 1000 },
    ]),
    fault("refuse", 1, { type: "refuse", durationMs: 4_000 }),
    fault("malformed", 1, { type: "malformed" }),
    fault("wrong-shape", 1, { type: "wrong-shape" }),
    fault("unknown", 1, { type: "unknown" }),
    fault("oversized", 1, { type: "oversized", bytes: 1024 * 1024 }),
    fault("flood", 1, { type: "flood", count: 1000, durationMs: 1000, wait: true }),
    fault("stale-update", 2, [{ type: "stale-update" }, { type: "duplicate" }], { next: false }),
    fault("graphql-500", 1, { type: "graphql", mode: "500", count: 1 }, { next: false }),
    fault("audio-cut", 2, { type: "audio", mode: "cut" }, { next: false, audio: true }),
    fault(
      "audio-503",
      1,
      [
        { type: "audio", mode: "503", durationMs: 3_000 },
        { type: "audio", mode: "cut" },
      ],
      { next: false, audio: true },
    ),
    fault(
      "audio-stall",
      1,
      { type: "audio", mode: "stall", durationMs: 3_000 },
      { next: false, audio: true },
    ),
    {
      name: "restart",
      weight: 1,
      kind: "fault",
      async run({ api, screen }) {
        await api.fault({ type: "restart", downMs: 1_000 });
        await sleep(300);
        await stationUp(api);
        await api.next(screen.station ?? "jpop");
        return "down 1000 ms";
      },
    },
    {
      name: "next-song",
      weight: 2,
      kind: "listener",
      async run({ api, screen }) {
        await api.next(screen.station ?? "jpop");
        return "";
      },
    },
    {
      name: "switch-station",
      weight: 3,
      kind: "listener",
      async run({ page, screen }) {
        const target = screen.station === "kpop" ? "J-pop" : "K-pop";
        await page.getByRole("tab", { name: target }).click();
        return target;
      },
    },
    {
      name: "log-in-out",
      weight: 2,
      kind: "listener",
      async run({ page, stats }) {
        const logout = page.getByRole("button", { name: "Log out" });
        if (await logout.isVisible()) {
          await logout.click();
          await page.getByRole("button", { name: "Log in", exact: true }).waitFor({ timeout: 10_000 });
          stats.logouts++;
          return "logged out";
        }
        await page.getByRole("button", { name: "Log in", exact: true }).click();
        const dialog = page.getByRole("dialog");
        await dialog.getByRole("textbox", { name: "Username or email" }).fill(KANA.username);
        await dialog.getByRole("textbox", { name: "Password" }).fill(KANA.password);
        await dialog.getByRole("checkbox", { name: "Remember me" }).setChecked(false);
        await dialog.getByRole("button", { name: "Log in", exact: true }).click();
        const outcome = await Promise.race([
          page
            .getByRole("region", { name: "Account" })
            .getByText(KANA.displayName, { exact: true })
            .waitFor({ timeout: 20_000 })
            .then(() => "ok"),
          dialog
            .getByRole("alert")
            .waitFor({ timeout: 20_000 })
            .then(async () => `refused: ${await dialog.getByRole("alert").textContent()}`),
        ]).catch((error) => `no answer: ${error.message.split("\n")[0]}`);
        if (outcome === "ok") {
          stats.logins++;
          return "logged in";
        }
        // A GraphQL fault met the login: the dialog said so. Close it and carry on.
        stats.failedLogins.push(outcome);
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "detached", timeout: 5_000 }).catch(() => {});
        return outcome;
      },
    },
  ];
}

function weighted(rng, list) {
  const total = list.reduce((sum, a) => sum + a.weight, 0);
  let roll = rng.next() * total;
  for (const action of list) {
    roll -= action.weight;
    if (roll < 0) return action;
  }
  return list.at(-1);
}

/**
 * Runs the soak against a running app and station with a launched Chromium.
 * @param {object} options
 * @param {import("playwright-core").Browser} options.browser
 * @param {string} options.appUrl
 * @param {string} options.stationUrl
 * @param {number} [options.durationMs]
 * @param {number} [options.seed]
 * @param {(line: string) => void} [options.log]
 * @param {[number, number]} [options.gapMs]
 * @param {number} [options.speed]
 * @param {number} [options.heartbeatMs]
 * @param {number} [options.recoveryBoundMs]
 */
export async function runSoak(options) {
  const { browser, appUrl, stationUrl } = options;
  const durationMs = options.durationMs ?? SOAK_DEFAULTS.durationMs;
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const gapMs = options.gapMs ?? SOAK_DEFAULTS.gapMs;
  const bound = options.recoveryBoundMs ?? SOAK_LIMITS.recoveryBoundMs;
  const log = options.log ?? (() => {});
  const rng = random(seed);
  const api = stationApi(stationUrl);
  const list = actions();

  await api.reset({ tokens: true });
  await api.config({
    heartbeatMs: options.heartbeatMs ?? SOAK_DEFAULTS.heartbeatMs,
    speed: options.speed ?? SOAK_DEFAULTS.speed,
  });

  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !EXPECTED_CONSOLE.test(message.text()))
      pageErrors.push(`console: ${message.text()}`);
  });

  const started = Date.now();
  const samples = { count: 0, maxSockets: 0 };
  const connections = new Map();
  const mismatches = [];
  let openMismatch = null;
  let lastAction = "start";
  let lastActionLastsMs = 0;
  let latest = null;
  let audioClock = { time: -1, advancedAt: Date.now() };
  let playingOverSilenceMaxMs = 0;
  let playingSince = null;
  let monitoring = true;
  const waiters = new Set();

  // The monitor: every sample compares screen and station, tracks sockets and the audio clock.
  const monitor = (async () => {
    while (monitoring) {
      try {
        const [screen, state] = await Promise.all([readScreen(page), api.state()]);
        const at = Date.now();
        const match = screenMatches(screen, state);
        latest = { at, screen, state, match };
        samples.count++;
        samples.maxSockets = Math.max(samples.maxSockets, state.sockets.total);
        for (const c of state.connections) connections.set(c.id, c);
        if (!match && !openMismatch) openMismatch = { at, after: lastAction, faultMs: lastActionLastsMs };
        if (match && openMismatch) {
          mismatches.push({ ...openMismatch, durationMs: at - openMismatch.at });
          openMismatch = null;
        }
        // "Playing" over silence: the longest unbroken "Playing" stretch with the audio clock standing still.
        const time = screen.audio?.currentTime ?? 0;
        playingSince = screen.player === "Playing" ? (playingSince ?? at) : null;
        if (time > audioClock.time + 0.01) audioClock = { time, advancedAt: at };
        else if (time < audioClock.time - 0.01) audioClock = { time, advancedAt: audioClock.advancedAt };
        else if (playingSince !== null)
          playingOverSilenceMaxMs = Math.max(
            playingOverSilenceMaxMs,
            at - Math.max(audioClock.advancedAt, playingSince),
          );
        for (const wake of waiters) wake();
      } catch {
        // The page is busy navigating or the station is restarting: sample again shortly.
      }
      await sleep(200);
    }
  })();

  /** Resolves with the first sample at or after `since` that passes `check`, or null after `timeoutMs`. */
  const until = (check, since, timeoutMs) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiters.delete(wake);
        resolve(null);
      }, timeoutMs);
      function wake() {
        if (latest && latest.at >= since && check(latest)) {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(latest);
        }
      }
      waiters.add(wake);
      wake();
    });

  const stats = { logins: 0, logouts: 0, failedLogins: [] };
  const recoveries = [];
  const unrecovered = [];
  const counts = {};
  let memoryStart = null;
  let memoryEnd = null;
  let finalSockets = null;
  let cdp = null;

  try {
    await page.goto(appUrl);
    if (!(await until((s) => s.match, started, 30_000))) throw new Error("the player never went live");
    await page.getByRole("button", { name: "Play" }).click();
    const playing = await until(
      (s) => s.screen.player === "Playing" && (s.screen.audio?.currentTime ?? 0) > 1,
      Date.now(),
      30_000,
    );
    if (!playing) throw new Error("the audio never started");
    cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await sleep(2_000);
    memoryStart = await memory(cdp);
    log(`start: heap ${mb(memoryStart.heapBytes)}, ${memoryStart.nodes} DOM nodes, seed ${seed}`);

    const deadline = started + durationMs;
    const faults = list.filter((a) => a.kind === "fault");
    const listener = list.filter((a) => a.kind === "listener");
    let turn = rng.int(0, listener.length - 1);
    for (let step = 0; Date.now() < deadline; step++) {
      // A random fault, then the listener's next move (they take turns), so even a short run switches
      // stations and logs in and out.
      const action = step % 2 === 0 ? weighted(rng, faults) : listener[turn++ % listener.length];
      counts[action.name] = (counts[action.name] ?? 0) + 1;
      lastAction = action.name;
      lastActionLastsMs = action.lastsMs ?? 0;
      const at = Date.now();
      let note = "";
      try {
        note = await action.run({ api, rng, page, stats, screen: latest?.screen ?? { station: "jpop" } });
      } catch (error) {
        note = `action failed: ${String(error?.message ?? error).split("\n")[0]}`;
      }
      // Audio faults recover when the stream plays again: "Playing" with the clock moving a second later.
      const settled = at + (action.lastsMs ?? 0);
      const recovered = await until(
        (s) =>
          s.match &&
          (!action.audio || (s.screen.player === "Playing" && audioClock.advancedAt >= settled + 1_000)),
        settled,
        bound + (action.lastsMs ?? 0),
      );
      if (recovered) recoveries.push({ action: action.name, ms: recovered.at - at });
      else {
        unrecovered.push({ action: action.name, note, at: at - started });
        await api.clear().catch(() => {});
      }
      log(
        `${String(Math.round((at - started) / 1000)).padStart(4)} s  ${action.name.padEnd(15)} ${
          recovered ? `recovered in ${recovered.at - at} ms` : `NOT recovered within ${bound} ms`
        }${note ? `  (${note})` : ""}`,
      );
      await sleep(rng.int(gapMs[0], gapMs[1]));
    }

    // Let the last faults expire, then the final look.
    await api.clear();
    await until((s) => s.match && s.screen.player === "Playing", Date.now(), bound);
    await sleep(1_000);
    memoryEnd = await memory(cdp);
    finalSockets = (await api.state()).sockets.total;
  } finally {
    monitoring = false;
    await monitor;
    if (openMismatch)
      mismatches.push({ ...openMismatch, durationMs: Date.now() - openMismatch.at, open: true });
    await context.close().catch(() => {});
    await api.clear().catch(() => {});
    await api.config(STATION_DEFAULTS).catch(() => {});
  }

  const faultActions = list.filter((a) => a.kind === "fault").map((a) => a.name);
  const longest = [...mismatches].sort((a, b) => b.durationMs - a.durationMs);
  return {
    seed,
    durationMs: Date.now() - started,
    samples: samples.count,
    actions: counts,
    faultsInjected: Object.entries(counts)
      .filter(([name]) => faultActions.includes(name))
      .reduce((sum, [, n]) => sum + n, 0),
    recoveries: {
      ...distribution(recoveries.map((r) => r.ms)),
      byAction: Object.fromEntries(
        Object.keys(counts).map((name) => [
          name,
          distribution(recoveries.filter((r) => r.action === name).map((r) => r.ms)),
        ]),
      ),
      unrecovered,
    },
    mismatches: {
      ...distribution(mismatches.map((m) => m.durationMs)),
      totalMs: mismatches.reduce((sum, m) => sum + m.durationMs, 0),
      longest: longest.slice(0, 5).map((m) => ({ ...m, at: m.at - started })),
      episodes: mismatches.map((m) => ({ ...m, at: m.at - started })),
    },
    pageErrors,
    sockets: {
      maxSampled: samples.maxSockets,
      maxOpen: maxOpenSockets([...connections.values()], { since: started }),
      opened: connections.size,
      final: finalSockets,
    },
    memory: {
      start: memoryStart,
      end: memoryEnd,
      heapGrowthBytes: memoryStart && memoryEnd ? memoryEnd.heapBytes - memoryStart.heapBytes : null,
      nodeGrowth: memoryStart && memoryEnd ? memoryEnd.nodes - memoryStart.nodes : null,
      listenerGrowth: memoryStart && memoryEnd ? memoryEnd.listeners - memoryStart.listeners : null,
    },
    audio: { playingOverSilenceMaxMs },
    accounts: stats,
  };
}

/** The limits a report breaks, as sentences; empty when the run was clean. */
export function verdict(report, limits = SOAK_LIMITS) {
  const broken = [];
  // A lasting fault may keep the screen wrong while it lasts; the bound starts when it ends.
  const over = report.mismatches.episodes.filter(
    (m) => m.durationMs > limits.recoveryBoundMs + (m.faultMs ?? 0),
  );
  for (const m of over) {
    broken.push(
      `screen and station disagreed for ${m.durationMs} ms after ${m.after} (bound ${limits.recoveryBoundMs} ms after the fault)`,
    );
  }
  for (const u of report.recoveries.unrecovered)
    broken.push(`no recovery after ${u.action} at ${u.at} ms (${u.note})`);
  for (const error of report.pageErrors) broken.push(`page error: ${error}`);
  if (report.sockets.maxOpen > limits.maxSockets)
    broken.push(`${report.sockets.maxOpen} gateway sockets open at once (station's log)`);
  if (report.sockets.final !== 1) broken.push(`${report.sockets.final} gateway sockets open at the end`);
  if (report.memory.heapGrowthBytes === null) broken.push("no final memory sample");
  else if (report.memory.heapGrowthBytes > limits.heapGrowthBytes)
    broken.push(`heap grew ${mb(report.memory.heapGrowthBytes)} (limit ${mb(limits.heapGrowthBytes)})`);
  if (report.memory.nodeGrowth !== null && report.memory.nodeGrowth > limits.nodeGrowth)
    broken.push(`DOM grew by ${report.memory.nodeGrowth} nodes (limit ${limits.nodeGrowth})`);
  return broken;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The report as a few readable lines. */
export function summary(report) {
  const r = report.recoveries;
  const m = report.memory;
  const lines = [
    `soak: ${Math.round(report.durationMs / 1000)} s, seed ${report.seed}, ${report.samples} samples`,
    `actions: ${Object.entries(report.actions)
      .map(([name, n]) => `${name} ${n}`)
      .join(", ")}`,
    `faults injected: ${report.faultsInjected}; recoveries: ${r.count} (min ${r.min} / p50 ${r.p50} / p90 ${r.p90} / max ${r.max} ms); not recovered: ${r.unrecovered.length}`,
    `screen ≠ station: ${report.mismatches.count} times, ${report.mismatches.totalMs} ms in all, longest ${
      report.mismatches.max ?? 0
    } ms${report.mismatches.longest[0] ? ` (after ${report.mismatches.longest[0].after})` : ""}`,
    `page errors: ${report.pageErrors.length}`,
    `gateway sockets: at most ${report.sockets.maxOpen} open at once (sampled max ${report.sockets.maxSampled}), ${report.sockets.opened} opened, ${report.sockets.final} at the end`,
    m.start && m.end
      ? `JS heap: ${mb(m.start.heapBytes)} → ${mb(m.end.heapBytes)}; DOM nodes: ${m.start.nodes} → ${m.end.nodes}; listeners: ${m.start.listeners} → ${m.end.listeners}`
      : "memory: not measured",
    `"Playing" over a silent stream: at most ${report.audio.playingOverSilenceMaxMs} ms`,
    `accounts: ${report.accounts.logins} logins, ${report.accounts.logouts} logouts, ${report.accounts.failedLogins.length} refused`,
  ];
  return lines.join("\n");
}
