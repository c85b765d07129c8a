// The in-page side of the bench, injected with page.addInitScript() before any app code runs.
// It must be self-contained: Playwright serialises the function's source.
//
// window.__bench
//   frames   [t, data]   every gateway frame, stamped by a listener that runs before the app's
//   titles   [t, text]   the now-playing title (h2 in the "Now playing" region), each time it changes
//   counts   [t, n]      the listener count shown in that region, each time it changes
//   clicks   [t, label]  clicks, stamped in the capture phase (before React sees them)
//   firstTitleAt         performance.now() when a title first appeared in the DOM (origin = navigation start)
//   firstTitleFrameAt    the timestamp of the first animation frame after that: the frame that paints it
//   firstTitlePaintedAt  performance.now() in a task queued from that frame's rAF, i.e. after its paint
//   titleRenderTime      the Element Timing API's renderTime for that heading (elementtiming="now-playing-title"):
//                        when Chromium presented the first paint of its text; null if not reported
//   titleTimings [t, id] every Element Timing entry for a title heading (id "lm-shell-title": the shell's)
//   until(check, what)   polls a condition in the page (the long-life loop waits with it)
//   sockets              created / opened / closed, how many are OPEN now, the most ever OPEN at once,
//                        how many frames the newest socket has received, and when the first was made
// Times are performance.now() (ms). Setting `record = false` stops the lists growing (long runs).
// The first title is also announced on the console (FIRST_TITLE_SIGNAL), so a load can be awaited
// without page.evaluate(), whose helper script would otherwise compete with the page as it loads.

export const FIRST_TITLE_SIGNAL = "__bench:first-title";

export function installProbes() {
  const TITLE_SIGNAL = "__bench:first-title";
  const now = () => performance.now();
  const bench = {
    record: true,
    frames: [],
    titles: [],
    counts: [],
    clicks: [],
    firstTitleAt: null,
    firstTitleFrameAt: null,
    firstTitlePaintedAt: null,
    titleRenderTime: null,
    titleTimings: [],
    firstTitleId: null,
    sockets: { created: 0, opened: 0, closed: 0, open: 0, maxOpen: 0, newestFrames: 0, firstCreatedAt: null },
  };
  window.__bench = bench;
  /** Polls `check` every 2 ms; rejects with `what` and the socket counters after `timeoutMs`. */
  bench.until = async (check, what, timeoutMs = 20_000) => {
    const deadline = now() + timeoutMs;
    while (!check()) {
      if (now() > deadline) throw new Error(`bench: ${what} ${JSON.stringify(bench.sockets)}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };

  const NativeWebSocket = window.WebSocket;
  const live = new Set();
  class BenchWebSocket extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      const sockets = bench.sockets;
      sockets.created++;
      sockets.firstCreatedAt ??= now();
      sockets.newestFrames = 0;
      const serial = sockets.created;
      this.addEventListener("message", (event) => {
        if (bench.record) bench.frames.push([now(), event.data]);
        if (serial === sockets.created) sockets.newestFrames++;
      });
      this.addEventListener("open", () => {
        sockets.opened++;
        live.add(this);
        let open = 0;
        for (const socket of live) if (socket.readyState === NativeWebSocket.OPEN) open++;
        sockets.open = open;
        sockets.maxOpen = Math.max(sockets.maxOpen, open);
      });
      this.addEventListener("close", () => {
        sockets.closed++;
        live.delete(this);
        let open = 0;
        for (const socket of live) if (socket.readyState === NativeWebSocket.OPEN) open++;
        sockets.open = open;
      });
    }
  }
  window.WebSocket = BenchWebSocket;

  let lastTitle;
  let lastCount;
  const COUNT_TEXT = /^\s*([\d\s.,\u00a0\u202f]+)\s+listeners?\s*$/i;
  function readCount(card) {
    for (const span of card.querySelectorAll("span")) {
      const match = COUNT_TEXT.exec(span.textContent ?? "");
      if (match) return Number(match[1].replace(/\D/g, ""));
    }
    return null;
  }
  const observer = new MutationObserver(() => {
    if (!bench.record && bench.firstTitleAt !== null) return;
    const t = now();
    const card = document.querySelector('section[aria-label="Now playing"]');
    const heading = card?.querySelector("h2");
    const title = heading ? heading.textContent : null;
    if (title !== lastTitle) {
      lastTitle = title;
      if (title && bench.firstTitleAt === null) {
        bench.firstTitleAt = t;
        // Which heading it was (the static shell's or the app's), to pick its Element Timing entry.
        bench.firstTitleId = heading.id;
        // The title is painted in the next animation frame (style, layout and paint follow the rAF
        // callbacks of that frame); a message posted from the callback runs after that paint.
        requestAnimationFrame((frameAt) => {
          bench.firstTitleFrameAt = frameAt;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            bench.firstTitlePaintedAt = now();
            // Tells the bench without it having to run anything in the page while it loads.
            console.debug(TITLE_SIGNAL);
          };
          channel.port2.postMessage(null);
        });
      }
      if (bench.record) bench.titles.push([t, title]);
    }
    if (!bench.record) return;
    const count = card ? readCount(card) : null;
    if (count !== lastCount) {
      lastCount = count;
      bench.counts.push([t, count]);
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });

  // What Chromium itself says about the title's first paint (text Element Timing).
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.identifier !== "now-playing-title") continue;
        bench.titleTimings.push([entry.renderTime, entry.id]);
        // The first paint of the heading that first held a title. Chromium drops the entry when the
        // element is gone before the frame is presented (the app replacing the shell): then the
        // rAF+message figure stands.
        if (bench.titleRenderTime === null && entry.id === bench.firstTitleId && entry.renderTime > 0)
          bench.titleRenderTime = entry.renderTime;
      }
    }).observe({ type: "element", buffered: true });
  } catch {
    // No Element Timing in this browser: the rAF figures stand alone.
  }

  window.addEventListener(
    "click",
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const tab = target?.closest('[role="tab"]');
      bench.clicks.push([now(), tab ? tab.textContent : (target?.tagName ?? null)]);
    },
    true,
  );
}
