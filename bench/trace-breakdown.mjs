// Turns a Chromium performance trace (CDP Tracing, devtools.timeline categories) of one page load into
// where the renderer's main thread went between navigation start and a given moment: HTML parsing,
// style recalculation (with the elements it touched), layout, paint, compositing, script, and the
// raster work on the worker threads. Used by bench/trace-load.mjs --trace; a diagnostic, not a test.

/** What CDP Tracing.start records: the DevTools timeline with stacks for forced layouts. */
export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.stack",
  "blink.user_timing",
  "loading",
  "v8.execute",
  "v8",
  "fonts",
  "viz",
];

/** Trace event name → what it counts as. Anything else is its parent's (or "other" at the top). */
const KIND = {
  ParseHTML: "parse HTML",
  ParseAuthorStyleSheet: "parse CSS",
  UpdateLayoutTree: "style",
  RecalculateStyles: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  PaintImage: "image decode",
  "Decode Image": "image decode",
  Layerize: "paint",
  UpdateLayer: "paint",
  UpdateLayerTree: "paint",
  Commit: "composite",
  CompositeLayers: "composite",
  // Evaluating scripts: the inline bootstrap during parsing, the bundle's modules.
  EvaluateScript: "script evaluate",
  "v8.compile": "script compile",
  "v8.compileModule": "script compile",
  "v8.produceModuleCache": "script compile",
  "v8.evaluateModule": "script evaluate",
  // Callbacks after that: React's render and commit (scheduled tasks, microtasks), effects, socket
  // and timer handlers.
  FunctionCall: "script callbacks",
  TimerFire: "script callbacks",
  EventDispatch: "script callbacks",
  FireAnimationFrame: "script callbacks",
  RunMicrotasks: "script callbacks",
  "V8.GCScavenger": "GC",
  MajorGC: "GC",
  MinorGC: "GC",
  "V8.GC_MC_BACKGROUND_MARKING": "GC",
};

const TOP_LEVEL = new Set(["RunTask", "ThreadControllerImpl::RunTask", "ThreadPool_RunTask"]);

/** Complete events of one thread, B/E pairs joined, sorted so that parents come before children. */
function completeEvents(events) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.ph === "X") out.push({ ...e, dur: e.dur ?? 0 });
    else if (e.ph === "B") open.push(e);
    else if (e.ph === "E") {
      const begin = open.pop();
      if (begin) out.push({ ...begin, ph: "X", dur: e.ts - begin.ts, args: { ...begin.args, ...e.args } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * Finds the page's renderer main thread (the one that parsed `url`) and its navigation start.
 * @param {any[]} events all trace events
 * @param {string} url the document's URL prefix
 */
export function findMainThread(events, url) {
  const parse = events.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url?.startsWith(url));
  if (!parse) throw new Error(`trace: no ParseHTML for ${url}`);
  const starts = events.filter(
    (e) => e.name === "navigationStart" && e.pid === parse.pid && e.ts <= parse.ts,
  );
  const navigationStart = starts.at(-1)?.ts;
  if (navigationStart === undefined) throw new Error("trace: no navigationStart mark");
  return { pid: parse.pid, tid: parse.tid, navigationStart };
}

/**
 * Self time per kind (ms) on the main thread from navigation start to `untilMs` after it, the style
 * recalculations (duration, element count, forced or not), forced layouts with where they came from,
 * the long tasks, and raster time on the renderer's other threads.
 * @param {any[]} events
 * @param {{pid: number, tid: number, navigationStart: number}} main
 * @param {number} untilMs
 * @param {number} [fromMs] where the window starts, after navigation start
 */
export function breakdown(events, main, untilMs, fromMs = 0) {
  const start = main.navigationStart + fromMs * 1000;
  const end = start + untilMs * 1000;
  const ms = (us) => us / 1000;
  const thread = completeEvents(events.filter((e) => e.pid === main.pid && e.tid === main.tid));
  const kinds = {};
  const cpu = {};
  const names = {};
  const add = (kind, us, name) => {
    kinds[kind] = (kinds[kind] ?? 0) + ms(us);
    const key = `${kind}: ${name}`;
    names[key] ??= { ms: 0, count: 0 };
    names[key].ms += ms(us);
    names[key].count++;
  };
  const styles = [];
  const forced = [];
  const tasks = [];
  const stack = [];
  // Self time: each event's duration minus its children's, clipped to the window.
  const clip = (from, to) => Math.max(0, Math.min(to, end) - Math.max(from, start));
  // Thread (CPU) time as well: on a busy machine the wall time includes waiting for a core, and a
  // synchronous IPC (font matching in the browser process) is wall time without CPU time.
  const cpuIn = (e) => (e.tdur ?? 0) * (e.dur > 0 ? clip(e.ts, e.ts + e.dur) / e.dur : 1);
  const finish = (node) => {
    let self = clip(node.ts, node.ts + node.dur);
    let selfCpu = cpuIn(node);
    for (const child of node.children) {
      self -= clip(child.ts, child.ts + child.dur);
      selfCpu -= cpuIn(child);
    }
    add(node.kind, Math.max(0, self), node.name);
    cpu[node.kind] = (cpu[node.kind] ?? 0) + ms(Math.max(0, selfCpu));
  };
  for (const e of thread) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) finish(stack.pop());
    if (e.ts >= end || e.ts + e.dur <= start) continue;
    const parent = stack.at(-1);
    const inScript = stack.some((n) => n.kind.startsWith("script"));
    const kind = KIND[e.name] ?? (parent ? parent.kind : TOP_LEVEL.has(e.name) ? "other" : "other");
    if (parent) parent.children.push(e);
    else if (e.dur >= 5000) tasks.push({ at: ms(e.ts - start), dur: ms(e.dur), name: e.name });
    if (KIND[e.name] === "script evaluate" && e.dur >= 5000)
      tasks.push({
        at: ms(e.ts - start),
        dur: ms(e.dur),
        name: `${e.name} ${(e.args?.data?.url ?? "").split("/").at(-1)}`,
      });
    if (kind === "style" && KIND[e.name] === "style")
      styles.push({
        at: ms(e.ts - start),
        dur: ms(e.dur),
        elements: e.args?.elementCount ?? e.args?.data?.elementCount ?? null,
        forced: inScript,
      });
    if (inScript && (kind === "layout" || kind === "style") && KIND[e.name] === kind) {
      const frames = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [];
      forced.push({
        kind,
        at: ms(e.ts - start),
        dur: ms(e.dur),
        from: frames
          .slice(0, 3)
          .map((f) => `${f.functionName || "?"}@${(f.url ?? "").split("/").at(-1)}:${f.lineNumber}`),
      });
    }
    stack.push({ ...e, kind, children: [] });
  }
  while (stack.length) finish(stack.pop());
  // Raster and image decoding happen on the renderer's worker threads (software raster, no GPU).
  let raster = 0;
  let rasterCpu = 0;
  for (const e of events) {
    if (e.pid !== main.pid || e.tid === main.tid || e.ph !== "X") continue;
    if (e.name !== "RasterTask" && e.name !== "ImageDecodeTask") continue;
    raster += clip(e.ts, e.ts + (e.dur ?? 0));
    rasterCpu += cpuIn(e);
  }
  // The display compositor draws each frame (software with --disable-gpu): backdrop filters cost here.
  let display = 0;
  let displayCpu = 0;
  for (const e of events) {
    if (e.name !== "Display::DrawAndSwap" || e.ph !== "X") continue;
    display += clip(e.ts, e.ts + (e.dur ?? 0));
    displayCpu += cpuIn(e);
  }
  kinds["display compositor"] = ms(display);
  cpu["display compositor"] = ms(displayCpu);
  kinds["raster (workers)"] = ms(raster);
  cpu["raster (workers)"] = ms(rasterCpu);
  return { kinds, cpu, names, styles, forced, tasks };
}
