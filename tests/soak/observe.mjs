// What the person sees and what the station says, side by side. Shared by the chaos soak
// (tests/soak/chaos.mjs, its CLI and its e2e test) and the fault matrix (tests/e2e/fault-matrix.test.ts).

/** Closing handshakes take a moment: two sockets may overlap this long without counting as two open. */
export const CLOSE_GRACE_MS = 1_000;

/** Console errors a provoked network fault causes; they are not page errors. */
export const EXPECTED_CONSOLE =
  /^Failed to load resource|ERR_INCOMPLETE_CHUNKED_ENCODING|WebSocket connection to|net::ERR_/;

/**
 * The station's control API (tests/station/control.mjs) over HTTP.
 * @param {string} baseUrl
 */
export function stationApi(baseUrl) {
  async function call(path, body) {
    const response = await fetch(`${baseUrl}/__control/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`station control ${path}: HTTP ${response.status} ${await response.text()}`);
    }
    return response.json();
  }
  return {
    url: baseUrl,
    state: () => call("state"),
    next: (station) => call("next", { station }),
    fault: (spec) => call("fault", spec),
    clear: (filter = {}) => call("clear", filter),
    config: (patch) => call("config", patch),
    reset: (options = {}) => call("reset", options),
    inject: (spec) => call("inject", spec),
    profile: (spec) => call("profile", spec),
  };
}

/** Polls until the station answers again (after a restart fault), for at most `timeoutMs`. */
export async function stationUp(api, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await api.state();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One look at the page, in a single round trip: which station it shows, the now-playing heading,
 * the connection status, the player's status line and the audio clock. Elements are found by their
 * role and accessible name, as in the e2e tests.
 * @param {import("playwright-core").Page} page
 */
export function readScreen(page) {
  return page.evaluate(() => {
    const text = (element) => element?.textContent?.trim() ?? null;
    const card = document.querySelector('section[aria-label="Now playing"]');
    const audio = document.querySelector("audio");
    return {
      station: document.documentElement.dataset.station ?? null,
      title: text(card?.querySelector("h2")),
      connection: text(document.querySelector('[role="status"][aria-label="Connection"]')) ?? "",
      player: text(document.querySelector('footer [aria-live="polite"]')) ?? "",
      audio: audio
        ? { currentTime: audio.currentTime, paused: audio.paused, src: audio.getAttribute("src") ?? "" }
        : null,
    };
  });
}

/**
 * The screen shows the station's current song for the station it is on, and says "Live".
 * @param {{station: string|null, title: string|null, connection: string}} screen
 * @param {{stations: Record<string, {song: {title: string|null}}>}} state
 */
export function screenMatches(screen, state) {
  const shown = screen.station ? state.stations[screen.station] : undefined;
  return Boolean(shown) && screen.title === shown.song.title && screen.connection === "Live";
}

/** Status texts without their countdowns, so a sequence reads "Reconnecting in N s", not 5 variants. */
export function normalizeStatus(text) {
  return text.replace(/\d+(\.\d+)?/g, "N");
}

/**
 * The most gateway sockets open at once according to the station's connection log, counting a socket
 * as open from `openedAt` until `closedAt` less the closing-handshake grace.
 * @param {{openedAt: string, closedAt: string|null}[]} connections
 * @param {{since?: number, now?: number, graceMs?: number}} [options]
 */
export function maxOpenSockets(connections, { since = 0, now = Date.now(), graceMs = CLOSE_GRACE_MS } = {}) {
  const edges = [];
  for (const c of connections) {
    const opened = Date.parse(c.openedAt);
    const closed = c.closedAt === null ? now : Date.parse(c.closedAt) - graceMs;
    if (closed < since || closed <= opened) continue;
    edges.push([opened, 1], [closed, -1]);
  }
  // Closes before opens at the same instant.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let max = 0;
  for (const [, delta] of edges) {
    open += delta;
    max = Math.max(max, open);
  }
  return max;
}

/** Order statistics of a list of durations (ms). */
export function distribution(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null;
  return {
    count: sorted.length,
    min: sorted[0] ?? null,
    p50: at(0.5),
    p90: at(0.9),
    max: sorted.at(-1) ?? null,
  };
}

/**
 * Heap and DOM size after a forced garbage collection, through the Chrome DevTools Protocol.
 * @param {import("playwright-core").CDPSession} cdp with `Performance.enable` already sent
 */
export async function memory(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return { heapBytes: usedSize, nodes: metric("Nodes"), listeners: metric("JSEventListeners") };
}
