/*
 * App-shell service worker: the page (and its hashed assets) open offline. It never touches the
 * stream, the gateway, GraphQL or images: only same-origin navigations and /assets/ files.
 */
const CACHE = "lm-shell-v1";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch("/", { cache: "no-cache" });
      if (!response.ok) return;
      const html = await response.clone().text();
      await cache.put("/", response);
      const assets = new Set(
        [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]),
      );
      // The entry script names every lazy chunk (dialogs, account, Japanese): cache those too, so a
      // page that goes offline after loading can still open a dialog.
      for (const script of [...assets].filter((path) => path.endsWith(".js"))) {
        const code = await (await fetch(script)).text();
        for (const match of code.matchAll(/assets\/[\w.-]+\.(?:js|css)/g)) assets.add(`/${match[0]}`);
      }
      await cache.addAll([...assets]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Network first, so a deploy shows at once; the cached shell when offline. Every route is the SPA.
    event.respondWith(
      (async () => {
        try {
          const fresh = await fetch(request);
          if (fresh.ok) (await caches.open(CACHE)).put("/", fresh.clone());
          return fresh;
        } catch {
          return (await caches.match("/")) ?? Response.error();
        }
      })(),
    );
    return;
  }

  if (url.pathname.startsWith("/assets/")) {
    // Hashed file names never change: cache first, then remember what the network gave.
    event.respondWith(
      (async () => {
        const cached = await caches.match(request);
        if (cached) return cached;
        const fresh = await fetch(request);
        if (fresh.ok) (await caches.open(CACHE)).put(request, fresh.clone());
        return fresh;
      })(),
    );
  }
});
