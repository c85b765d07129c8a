// Turns the raw results into rows (metric, result, target, mark) and prints them as a table.

import { AIM_BYTES, BUDGET_BYTES } from "./initial-load.mjs";
import { median, round } from "./stats.mjs";

export const TARGETS = {
  initialLoadBytes: BUDGET_BYTES,
  initialLoadAimBytes: AIM_BYTES,
  /** Issue #16: half of the React 18 + Chakra peer's 977 ms / 2,095 ms in the same harness. */
  firstNowPlayingLocalMs: 450,
  firstNowPlaying3gMs: 1000,
  heapGrowthBytes: 2_000_000,
  maxSockets: 1,
  /** A burst's last song on screen within about one frame's work after its last frame. */
  burstAfterLastFrameMs: 50,
  /** 5,000 favorites: the first page's data to its rows painted. */
  favoritesFirstRowsMs: 200,
  /** 5,000 favorites: a keystroke in the filter to the filtered list painted, p95. */
  favoritesKeystrokeP95Ms: 50,
};

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value, digits = 0) =>
  value === null || value === undefined ? "n/a" : `${round(value, digits).toLocaleString("en-US")} ms`;
const MARK = { pass: "✔", fail: "✘", info: "·" };

/** "shell 6, app 1": how often each value of a field occurs over runs. */
function count(runs, field) {
  const counts = new Map();
  for (const run of runs) counts.set(run[field], (counts.get(run[field]) ?? 0) + 1);
  return [...counts].map(([value, n]) => `${value} ${n}`).join(", ");
}

/** Median of one field over runs. */
const medianOf = (runs, field) => median(runs.map((r) => r[field]));

/** Nodes and listeners count as flat when they end within a small allowance of the baseline. */
export function isFlat(baseline, value, allowance) {
  return value - baseline <= allowance;
}

export function buildRows(results) {
  const rows = [];
  const add = (metric, result, target, status) => rows.push({ metric, result, target, status });

  if (results.size) {
    const { total, js, css } = results.size;
    add(
      "Initial load, JS+CSS gzip",
      `${kB(total.gzip)} (JS ${kB(js.gzip)}, CSS ${kB(css.gzip)})`,
      `≤ ${kB(TARGETS.initialLoadBytes)}, aim ${kB(TARGETS.initialLoadAimBytes)}`,
      total.gzip <= TARGETS.initialLoadBytes ? "pass" : "fail",
    );
  }
  for (const [key, label, target] of [
    ["local", "localhost", TARGETS.firstNowPlayingLocalMs],
    ["fast3g", "Fast 3G, serve.mjs as is", TARGETS.firstNowPlaying3gMs],
    ["fast3gGzip", "Fast 3G, gzip front", TARGETS.firstNowPlaying3gMs],
  ]) {
    const loads = results.firstNowPlaying?.[key];
    if (!loads) continue;
    const values = loads.runs.map((r) => r.title);
    const value = median(values);
    add(
      `First now-playing painted, ${label} (n=${values.length})`,
      `median ${ms(value)} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})`,
      `≤ ${ms(target)}`,
      value <= target ? "pass" : "fail",
    );
    const phase = (field) => Math.round(medianOf(loads.runs, field) ?? Number.NaN);
    add(
      "  where the time went (medians, ms)",
      `HTML ${phase("htmlEnd")}, JS ${phase("jsEnd")}, gateway opened ${phase("gatewayCreated")}, track frame ${phase(
        "firstTrackFrame",
      )}, title in DOM ${phase("titleInDom")}, its frame ${phase("titleFrame")}, after paint ${phase(
        "titleAfterPaint",
      )}, element timing ${phase("titleRenderTime")}; drawn by ${count(loads.runs, "titleSource")}, measured by ${count(
        loads.runs,
        "titleMeasuredBy",
      )}`,
      "",
      "info",
    );
  }
  if (results.stationSwitch) {
    const values = results.stationSwitch.runs;
    add(
      `Station switch, click → title (n=${values.length})`,
      `median ${ms(median(values), 1)} (max ${ms(Math.max(...values), 1)})`,
      "report",
      "info",
    );
  }
  for (const [kind, label] of [
    ["track", "track update"],
    ["listeners", "listener count"],
  ]) {
    const commit = results.commits?.[kind]?.commitLatency;
    if (commit) {
      add(
        `Update latency, ${label}: frame → React commit (profiling build, n=${commit.n})`,
        `median ${ms(commit.median, 2)}, p95 ${ms(commit.p95, 2)}`,
        "report",
        "info",
      );
    }
    const runs = results.updateLatency?.[kind];
    if (runs) {
      const n = runs.reduce((sum, r) => sum + r.n, 0);
      add(
        `Update latency, ${label}: frame → DOM, effects done (production, ${runs.length}×${Math.round(n / runs.length)})`,
        `median ${ms(medianOf(runs, "median"), 2)}, p95 ${ms(medianOf(runs, "p95"), 2)}`,
        "report",
        "info",
      );
    }
  }
  if (results.burst) {
    const runs = results.burst;
    const after = median(runs.map((r) => r.afterLastFrameMs));
    add(
      `Burst of ${runs[0].frames.toLocaleString("en-US")} track updates: last frame → its song on screen (n=${runs.length})`,
      `median ${ms(after, 1)}; burst lasted ${ms(medianOf(runs, "burstMs"))}; ${median(runs.map((r) => r.titlesDrawn))} titles drawn`,
      `≤ ${ms(TARGETS.burstAfterLastFrameMs)}`,
      after <= TARGETS.burstAfterLastFrameMs ? "pass" : "fail",
    );
  }
  if (results.commits) {
    const { listeners, track } = results.commits;
    const others = Object.entries(listeners.regionsInUpdateCommits)
      .filter(([id]) => id !== "listeners" && id !== "now-playing")
      .map(([id, n]) => `${id} ${n}`);
    const listenersOk = listeners.updateCommits === listeners.updates && others.length === 0;
    add(
      `Commits per listener-only update (×${listeners.updates})`,
      `listeners ${listeners.regionsInUpdateCommits.listeners ?? 0}/${listeners.updates}; ${
        others.length ? `also ${others.join(", ")}` : "nothing else"
      } (card ${listeners.regionsInUpdateCommits["now-playing"] ?? 0}: its Profiler encloses the count)`,
      "listener count only",
      listenersOk ? "pass" : "fail",
    );
    const forbidden = ["tabs", "header", "account"];
    const seen = forbidden.map((id) => `${id} ${track.regions[id] ?? 0}`);
    const trackOk = forbidden.every((id) => !track.regions[id]);
    add(
      `Commits during track updates (×${track.updates})`,
      `${seen.join(", ")}; card ${track.regions["now-playing"] ?? 0}, history ${track.regions.history ?? 0}`,
      "tabs, header, account 0",
      trackOk ? "pass" : "fail",
    );
  }
  if (results.throughput) {
    const t = results.throughput;
    const names = { node: "npm start", nginx: "nginx front (1 worker)" };
    for (const [front, figures] of Object.entries(t.fronts)) {
      const rate = (name) =>
        `${figures[name].perSecond.toLocaleString("en-US")}/s${figures[name].failed ? ` (${figures[name].failed} failed)` : ""}`;
      add(
        `Throughput, ${names[front] ?? front}, ${t.connections} connections (median of ${figures.index.runs.length}×${t.seconds} s)`,
        `index.html ${rate("index")}, hashed asset ${rate("asset")}, /graphql ${rate("graphql")}`,
        "report",
        "info",
      );
    }
    add(
      "  /graphql stand-in upstream on its own (the proxy's ceiling)",
      `${t.upstreamDirect.toLocaleString("en-US")}/s`,
      "",
      "info",
    );
  }
  if (results.favorites) {
    const f = results.favorites;
    add(
      `Favorites (${f.count.toLocaleString("en-US")}): data → first rows painted (n=${f.dataToFirstRows.n})`,
      `median ${ms(f.dataToFirstRows.median, 1)} (max ${ms(f.dataToFirstRows.max, 1)})`,
      `≤ ${ms(TARGETS.favoritesFirstRowsMs)}`,
      f.dataToFirstRows.median <= TARGETS.favoritesFirstRowsMs ? "pass" : "fail",
    );
    add(
      "  last page in → all rows ready and painted (medians)",
      `${ms(f.lastPageToAllRows.median, 1)} (first page → all: ${ms(f.firstPageToAllRows.median)})`,
      "report",
      "info",
    );
    add(
      `Favorites (${f.count.toLocaleString("en-US")}): keystroke → filtered list painted (n=${f.keystroke.n})`,
      `p95 ${ms(f.keystroke.p95, 1)}, median ${ms(f.keystroke.median, 1)}`,
      `p95 ≤ ${ms(TARGETS.favoritesKeystrokeP95Ms)}`,
      f.keystroke.p95 <= TARGETS.favoritesKeystrokeP95Ms ? "pass" : "fail",
    );
  }
  if (results.idle) {
    const runs = results.idle.runs;
    add(
      `Idle main-thread busy per minute (${runs.length}×${results.idle.windowSeconds} s)`,
      `median ${ms(medianOf(runs, "task"))} (script ${ms(medianOf(runs, "script"))}, layout ${ms(
        medianOf(runs, "layout"),
      )}, style ${ms(medianOf(runs, "style"))})`,
      "report",
      "info",
    );
  }
  if (results.longLife) {
    const l = results.longLife;
    const { baseline, final } = l;
    add(
      `Long life: JS heap after GC (${l.totals.updates} updates, ${l.totals.reconnects} reconnects, ${l.totals.switches} switches)`,
      `${(baseline.heapUsed / 1e6).toFixed(2)} → ${(final.heapUsed / 1e6).toFixed(2)} MB (${
        l.heapGrowth >= 0 ? "+" : ""
      }${(l.heapGrowth / 1e6).toFixed(2)} MB)`,
      `within ${(TARGETS.heapGrowthBytes / 1e6).toFixed(0)} MB of baseline`,
      Math.abs(l.heapGrowth) <= TARGETS.heapGrowthBytes ? "pass" : "fail",
    );
    const maxNodes = Math.max(...l.samples.map((s) => s.nodes));
    const maxListeners = Math.max(...l.samples.map((s) => s.listeners));
    const nodeAllowance = Math.max(50, Math.round(baseline.nodes * 0.05));
    add(
      "Long life: DOM nodes / JS event listeners",
      `nodes ${baseline.nodes} → ${final.nodes} (max ${maxNodes}); listeners ${baseline.listeners} → ${final.listeners} (max ${maxListeners})`,
      `flat (nodes +${nodeAllowance}, listeners +5)`,
      isFlat(baseline.nodes, maxNodes, nodeAllowance) && isFlat(baseline.listeners, maxListeners, 5)
        ? "pass"
        : "fail",
    );
    add(
      "Long life: gateway sockets open at once",
      `station max ${l.maxStationSockets}, client max ${l.clientSockets.maxOpen} (${l.clientSockets.created} opened in all)`,
      `≤ ${TARGETS.maxSockets}`,
      l.maxStationSockets <= TARGETS.maxSockets && l.clientSockets.maxOpen <= TARGETS.maxSockets
        ? "pass"
        : "fail",
    );
  }
  return rows;
}

export function formatTable(rows) {
  const head = { metric: "metric", result: "result", target: "target", status: "" };
  const all = [head, ...rows];
  const width = (key) => Math.max(...all.map((r) => String(r[key]).length));
  const w = { metric: width("metric"), result: width("result"), target: width("target") };
  const line = (r, mark) =>
    `${String(r.metric).padEnd(w.metric)}  ${String(r.result).padEnd(w.result)}  ${String(r.target).padEnd(
      w.target,
    )}  ${mark}`.trimEnd();
  const rule = "-".repeat(w.metric + w.result + w.target + 7);
  return [line(head, ""), rule, ...rows.map((r) => line(r, MARK[r.status]))].join("\n");
}
