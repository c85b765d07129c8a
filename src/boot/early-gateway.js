// Inlined into index.html by the build (src/boot/early-gateway-plugin.ts, via vite.config.ts), with
// its sha256 in the CSP's script-src. It runs while the HTML is parsed, long before the app's bundle
// has arrived and evaluated, and opens the station's gateway socket so the first song is already here
// when the app starts. It identifies anonymously, as the client does for a visitor who is not logged
// in, keeps the frames it receives, and leaves it all on window.__lmEarlyGateway for the gateway
// client to adopt (src/features/gateway/early-socket.ts). Until then it also writes the song's title
// and the event on air into index.html's static shell (#lm-shell-title, #lm-shell-event): the last
// known ones from the offline snapshot at once, the live ones as soon as they arrive, so the title is
// on screen, where the app will put it, before the app has loaded.
// React replaces the shell with the real page on its first render. A plain script, no imports: it is
// not bundled.
// GATEWAY_URLS is replaced by the build: { jpop: "ws://…", kpop: "ws://…" }.
((urls) => {
  /** More frames than a page load can see means nobody is taking them: give the socket up. */
  const MAX_FRAMES = 20;
  /** The app adopts within a second or two; after this, a page whose app never started lets go. */
  const GIVE_UP_MS = 20000;
  // The same rule as stationFromPath (src/lib/stations.ts): /kpop and below is K-pop.
  const path = window.location.pathname;
  const station = path === "/kpop" || path.startsWith("/kpop/") ? "kpop" : "jpop";
  const url = urls[station];
  // The shell takes the station's colours at once (src/app/station-chrome.ts does it again later).
  document.documentElement.dataset.station = station;

  const stored = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      return null;
    }
  };
  // The same choice as src/lib/display-preferences.ts: its own entry, else the older settings entry.
  const display = stored("lm.display.v1");
  const preferRomaji =
    display?.version === 1 ? display.preferRomaji === true : stored("lm.settings.v2")?.preferRomaji === true;
  const pick = (value) => (typeof value === "string" ? value.trim().slice(0, 500) : "");
  /** songTitle (src/lib/song.ts) without the "Untitled" word, which needs the page's dictionary. */
  const titleOf = (song) => {
    const [first, second] = preferRomaji
      ? [song?.titleRomaji, song?.title]
      : [song?.title, song?.titleRomaji];
    return pick(first) || pick(second);
  };
  let shown = null;
  const show = () => {
    const heading = document.getElementById("lm-shell-title");
    const event = document.getElementById("lm-shell-event");
    if (!heading || !shown) return;
    heading.textContent = shown.title;
    heading.hidden = false;
    if (!event?.lastElementChild) return;
    // The app's words for it (t.nowPlaying.event) in English, as the rest of the shell.
    event.lastElementChild.textContent = `Event: ${shown.event}`;
    event.hidden = !shown.event;
  };
  /** `update`: a TRACK_UPDATE's d, or the one the offline snapshot kept. */
  const paint = (update) => {
    const title = titleOf(update?.song);
    if (!title) return;
    shown = { title, event: pick(update?.event?.name) };
    show();
  };
  // The body is parsed after this script runs, and before the app's (deferred) bundle starts.
  document.addEventListener("readystatechange", show, { once: true });
  paint(stored("lm.now-playing.v1")?.[station]?.update);

  let socket;
  try {
    socket = new WebSocket(url);
  } catch {
    // A refused URL or a CSP that forbids it: the app opens its own socket as before.
    return;
  }
  const early = { url, socket, frames: [], identified: false, release: () => {} };
  const onOpen = () => {
    socket.send('{"op":0,"d":{"auth":""}}');
    early.identified = true;
  };
  const onMessage = (event) => {
    early.frames.push(event.data);
    try {
      const frame = JSON.parse(event.data);
      if (frame?.op === 1 && (frame.t === "TRACK_UPDATE" || frame.t === "TRACK_UPDATE_REQUEST"))
        paint(frame.d);
    } catch {
      // Not JSON: the gateway client will say so when it takes the frames.
    }
    if (early.frames.length > MAX_FRAMES) giveUp();
  };
  const timer = setTimeout(() => giveUp(), GIVE_UP_MS);
  early.release = () => {
    clearTimeout(timer);
    socket.removeEventListener("open", onOpen);
    socket.removeEventListener("message", onMessage);
  };
  const giveUp = () => {
    early.release();
    if (window.__lmEarlyGateway === early) window.__lmEarlyGateway = undefined;
    socket.close(1000, "not adopted");
  };
  socket.addEventListener("open", onOpen);
  socket.addEventListener("message", onMessage);
  window.__lmEarlyGateway = early;
})(GATEWAY_URLS);
