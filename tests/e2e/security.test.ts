/**
 * Security of the production build: it runs under its own Content Security Policy without a single
 * violation, hostile server data stays text and cannot steer image requests, the login token never
 * leaks (URLs, console, page, storage) and logout leaves nothing behind, and the production
 * dependencies are few, known and free of advisories.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { type StationApi, stationApi } from "../soak/observe.mjs";
import { closePlayers, launchBrowser, openPlayer, type PlayerPage } from "./support/browser";
import { watchGraphql } from "./support/graphql-traffic";
import { eventually } from "./support/station";

const appUrl = inject("appUrl");
const stationUrl = inject("stationUrl");
const imageOrigin = inject("imageOrigin");
const station: StationApi = stationApi(stationUrl);
const KANA = { username: "kana", password: "kana-password", displayName: "Kana" };
/** Where a remembered login lives (auth-store.ts). */
const AUTH_KEY = "lm.auth.v1";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await station.reset({ tokens: true });
});
afterEach(closePlayers);
afterEach(async () => {
  await station.clear();
});

type Win = Window & {
  __violations: { directive: string; blocked: string; sample: string }[];
  __pwned?: unknown;
  __writes: { where: string; key: string; value: string }[];
};

/** Records every CSP violation the page reports, from before the first script runs. */
function recordViolations() {
  const w = window as unknown as Win;
  w.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    w.__violations.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      sample: event.sample,
    });
  });
}

/** Records every write to web storage, cookies, IndexedDB and Cache Storage made by the page. */
function recordStorageWrites() {
  const w = window as unknown as Win;
  w.__writes = [];
  const record = (where: string, key: unknown, value: unknown) =>
    w.__writes.push({
      where,
      key: String(key),
      value: typeof value === "string" ? value : JSON.stringify(value),
    });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    record(this === localStorage ? "localStorage" : "sessionStorage", key, value);
    setItem.call(this, key, value);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  if (cookie?.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, "cookie", {
      configurable: true,
      get() {
        return get.call(this);
      },
      set(value) {
        record("cookie", "", value);
        set.call(this, value);
      },
    });
  }
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, version) {
    record("indexedDB.open", name, "");
    return open.call(this, name, version);
  };
  for (const method of ["put", "add"] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (value, key) {
      record(`indexedDB.${method}`, key ?? "", value);
      return original.call(this, value, key);
    };
  }
  if (typeof Cache !== "undefined") {
    const put = Cache.prototype.put;
    Cache.prototype.put = function (request, response) {
      record("cache.put", request instanceof Request ? request.url : String(request), "");
      return put.call(this, request, response);
    };
  }
}

/** Opens the player with init scripts in place before its first load. */
async function openWith(scripts: (() => void)[], viewport?: { width: number; height: number }) {
  const player = await openPlayer(browser, appUrl, viewport, {
    beforeLoad: async (page) => {
      for (const script of scripts) await page.context().addInitScript(script);
    },
  });
  await live(player.page);
  return player;
}

/** The station has exactly one gateway socket open, and it identified with `auth` ("" = anonymous). */
async function gatewayIdentifiedWith(auth: string) {
  await eventually(
    async () => {
      const { connections, sockets } = await station.state();
      const open = connections.filter((c) => c.closedAt === null);
      return (
        sockets.total === 1 &&
        open.length === 1 &&
        open[0].firstFrame === JSON.stringify({ op: 0, d: { auth } })
      );
    },
    `one gateway socket, identified ${auth ? "with the token" : "anonymously"}`,
    15_000,
  );
}

/**
 * Every image in the page has finished loading or failing, and a task has run since, so any load or
 * error handler and any CSP violation report they caused have been dispatched.
 */
async function imagesSettled(page: Page) {
  await page.waitForFunction(() => [...document.images].every((image) => image.complete), null, {
    timeout: 15_000,
  });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function live(page: Page) {
  await page.getByRole("status", { name: "Connection" }).getByText("Live").waitFor({ timeout: 20_000 });
  await nowPlaying(page).getByRole("heading", { level: 2 }).waitFor({ timeout: 20_000 });
}

function nowPlaying(page: Page) {
  return page.getByRole("region", { name: "Now playing" });
}

function account(page: Page) {
  return page.getByRole("region", { name: "Account" });
}

async function logIn(page: Page, remember: boolean) {
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Username or email" }).fill(KANA.username);
  await dialog.getByRole("textbox", { name: "Password" }).fill(KANA.password);
  await dialog.getByRole("checkbox", { name: "Remember me" }).setChecked(remember);
  await dialog.getByRole("button", { name: "Log in", exact: true }).click();
  await dialog.waitFor({ state: "detached", timeout: 15_000 });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as Win).__violations);

describe("content security policy", () => {
  it("serves the policy as a header and as the first meta tag, and a whole session raises no violation", async () => {
    const player = await openWith([recordViolations]);
    const { page, errors } = player;

    const response = await page.request.get(appUrl);
    const header = response.headers()["content-security-policy"] ?? "";
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
    ]) {
      expect(header).toContain(directive);
    }
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval/);
    const meta = await page.evaluate(() => {
      const first = document.head.firstElementChild;
      return first?.getAttribute("http-equiv") === "Content-Security-Policy"
        ? first.getAttribute("content")
        : null;
    });
    expect(meta, "the CSP meta tag comes before everything it must govern").toContain("script-src 'self'");

    // A normal session: play, switch station and back, open the lazy dialogs, log in and out.
    await page.getByRole("button", { name: "Play" }).click();
    await page.getByText("Playing", { exact: true }).waitFor({ timeout: 20_000 });
    await page.getByRole("tab", { name: "K-pop" }).click();
    await eventually(
      async () =>
        (await station.state()).stations.kpop.song.title ===
        (await nowPlaying(page).getByRole("heading", { level: 2 }).textContent()),
      "the K-pop song shows",
      15_000,
    );
    await page.getByRole("tab", { name: "J-pop" }).click();
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await logIn(page, false);
    await account(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });
    await account(page)
      .getByRole("img", { name: `Avatar of ${KANA.displayName}` })
      .waitFor();
    await account(page).getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
    // The last thing a logout does is open a new, anonymous gateway socket: once the station has it,
    // a violation caused by the logout would already have been reported.
    await gatewayIdentifiedWith("");

    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The listener does catch violations, and the policy does block inline script.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__pwned = 'inline'";
      document.head.append(script);
    });
    await eventually(async () => (await violations(page)).length > 0, "the inline script is reported");
    // One report per policy that blocked it: the header's and the meta tag's.
    const reported = await violations(page);
    expect(reported.length).toBeGreaterThanOrEqual(1);
    expect(reported.every((v) => v.directive === "script-src-elem" && v.blocked === "inline")).toBe(true);
    expect(await page.evaluate(() => (window as unknown as Win).__pwned)).toBeUndefined();
    await player.close();
  });
});

describe("hostile server data", () => {
  /** Each rendered field gets its own payload, so each can be found again as plain text. */
  const XSS = {
    title: `<img src=x onerror="window.__pwned='title'">`,
    artist: `<script>window.__pwned='artist'</script>`,
    character: `"><svg onload="window.__pwned='character'">`,
    album: `</dd><iframe srcdoc="<script>parent.__pwned='album'</script>">`,
    source: `javascript:window.__pwned='source'`,
    requester: `<a href="javascript:window.__pwned='requester'">me</a>`,
    event: `{{constructor.constructor('window.__pwned="event"')()}}`,
    user: `<img src=x onerror="window.__pwned='user'"><b>bold</b>`,
    history: `<style>body{display:none}</style>${"Ω".repeat(5000)}`,
  };
  /** File names a hostile CDN entry could carry. */
  const NAMES = [
    "javascript:window.__pwned='img'",
    "../../../etc/passwd",
    "..%2F..%2F__control%2Fstate",
    "#fragment.jpg",
    "?query=1&x=2.jpg",
    `"quoted" 'single' <tag>.jpg`,
    "//evil.example/x.png",
    "https://evil.example/x.png",
    "data:image/svg+xml,<svg onload=alert(1)>",
    `${"long-".repeat(200)}.jpg`,
  ];
  /** The schemas keep 300 characters of any server string (lib/song-schema.ts). */
  const shown = (text: string) => text.slice(0, 300);
  const CDN_FOLDERS = /^\/(covers|artists|avatars|events)\/[^/]+$/;

  it("renders hostile text literally, runs none of it, and keeps every image under the CDN folders", async () => {
    await station.profile({ username: KANA.username, displayName: XSS.user, avatarImage: NAMES[1] });
    const dialogs: string[] = [];
    const images: string[] = [];
    // Tall enough that every lazy cover in the history is in view and loads.
    const player = await openWith(
      [
        recordViolations,
        () => {
          Object.defineProperty(window, "__pwned", {
            configurable: true,
            set(value) {
              (window as unknown as { __pwnedBy: unknown }).__pwnedBy = value;
            },
            get: () => (window as unknown as { __pwnedBy: unknown }).__pwnedBy,
          });
        },
      ],
      { width: 1366, height: 4000 },
    );
    const { page, errors } = player;
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("request", (request) => {
      if (request.resourceType() === "image") images.push(request.url());
    });

    const entity = (id: number, name: string, image: string | null = null) => ({
      id,
      name,
      nameRomaji: name,
      image,
    });
    const injected = await station.inject({
      station: "jpop",
      song: {
        title: XSS.title,
        artists: NAMES.map((name, i) => ({
          ...entity(700 + i, i === 0 ? XSS.artist : `Artist ${i}`, name),
          characters: i === 0 ? [{ id: 77 }] : [],
        })),
        characters: [entity(77, XSS.character)],
        albums: [entity(1, XSS.album, NAMES[0])],
        sources: [entity(2, XSS.source)],
      },
      requester: { uuid: "u-1", username: "mallory", displayName: XSS.requester },
      event: {
        id: 3,
        name: XSS.event,
        slug: "x",
        presence: null,
        image: "javascript:window.__pwned='event'",
      },
      lastPlayed: NAMES.map((name, i) => ({
        id: 8_800_000 + i,
        title: i === 0 ? XSS.history : `Before ${i}`,
        artists: [],
        characters: [],
        albums: [entity(10 + i, `Album ${i}`, name)],
        sources: [],
        duration: 0,
      })),
    });
    expect(injected.sent).toBe(1);

    const heading = nowPlaying(page).getByRole("heading", { level: 2 });
    await eventually(
      async () => (await heading.textContent()) === XSS.title,
      "the hostile title shows",
      10_000,
    );
    const card = (await nowPlaying(page).textContent()) ?? "";
    expect(card).toContain(`${XSS.character} (CV: ${XSS.artist})`);
    for (const text of [XSS.album, XSS.source, XSS.requester, XSS.event]) expect(card).toContain(text);
    const history = (await page.getByRole("region", { name: "History" }).textContent()) ?? "";
    expect(history).toContain(shown(XSS.history));
    expect(history, "server text is cut at 300 characters").not.toContain(XSS.history.slice(0, 301));
    // The tab title follows the store on its own subscription, not with React's commit: waited for.
    await eventually(async () => (await page.title()).includes(XSS.title), "the tab title names the song");

    // The account corner with a hostile display name and avatar file.
    await logIn(page, false);
    await account(page).getByText(XSS.user, { exact: true }).waitFor({ timeout: 15_000 });
    await account(page)
      .getByRole("img", { name: `Avatar of ${XSS.user}` })
      .waitFor();

    // Without an album cover the event's image is the cover: the one image URL the wire names in full.
    for (const [title, image] of [
      ["Event image into the API", `${stationUrl}/__control/state`],
      ["Event image elsewhere", "https://evil.example/pixel.png"],
      ["Event image on the CDN", `${stationUrl}/events/summer.png`],
      ["Event image on the allowed host, wrong scheme", `${imageOrigin.replace("http:", "https:")}/x.png`],
      ["Event image on the allowed host", `${imageOrigin}/summer.png`],
    ]) {
      await station.inject({
        station: "jpop",
        song: { title, albums: [] },
        event: { id: 4, name: "Event", slug: "e", presence: null, image },
      });
      await eventually(async () => (await heading.textContent()) === title, `"${title}" shows`, 10_000);
    }
    await eventually(
      () => images.some((raw) => raw === `${stationUrl}/events/summer.png`),
      "an event image on the CDN still shows as the cover",
    );
    await eventually(
      () => images.some((raw) => raw === `${imageOrigin}/summer.png`),
      "an event image on the allowed image host shows as the cover",
    );
    // Hostile markup that did get parsed would show itself through an image's error handler, a CSP
    // report or a request: all of them have happened once every image has loaded or failed.
    await imagesSettled(page);

    // Nothing ran, nothing new appeared in the DOM, nothing was blocked or asked.
    expect(await page.evaluate(() => (window as unknown as Win).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const planted = await page.evaluate(
      () =>
        document.querySelectorAll(
          // The build's one inline script is the gateway bootstrap in <head>, allowed by its hash.
          "iframe, style:not([data-vite-dev-id]), svg[onload], img[onerror], a[href^='javascript:'], script:not([src]):not(head > #lm-gateway-bootstrap)",
        ).length,
    );
    expect(planted).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // Every image came from our own static files, one folder of the CDN one path segment deep, or
    // the allowed image host (the station's event images, as i.imgur.com in production).
    const app = new URL(appUrl).origin;
    const cdn = new URL(stationUrl).origin;
    const offenders = images.filter((raw) => {
      const url = new URL(raw);
      if (url.origin === app) return !/^\/(favicon[\w-]*\.svg|icons\/[\w.-]+)$/.test(url.pathname);
      if (url.origin === imageOrigin) return url.search !== "" || url.hash !== "";
      return url.origin !== cdn || !CDN_FOLDERS.test(url.pathname) || url.search !== "" || url.hash !== "";
    });
    expect(offenders).toEqual([]);
    // And every hostile name was requested (as one encoded segment), so the check above had work to do.
    const requested = new Set(
      images
        .filter((raw) => new URL(raw).origin === cdn)
        .map((raw) => decodeURIComponent(new URL(raw).pathname)),
    );
    for (const name of NAMES) {
      expect(requested, `a cover for ${name}`).toContain(`/covers/${shown(name)}`);
      expect(requested, `an artist image for ${name}`).toContain(`/artists/${shown(name)}`);
    }
    expect(requested).toContain(`/avatars/${NAMES[1]}`);
    await player.close();
  });
});

describe("secrets", () => {
  interface Seen {
    urls: string[];
    console: string[];
    authorizedUrls: string[];
    token: string | null;
  }

  function watchSecrets(page: Page): Seen {
    const seen: Seen = { urls: [], console: [], authorizedUrls: [], token: null };
    page.on("request", (request) => {
      seen.urls.push(request.url());
      if (request.headers().authorization) seen.authorizedUrls.push(request.url());
    });
    page.on("websocket", (socket) => seen.urls.push(socket.url()));
    page.on("console", (message) => seen.console.push(message.text()));
    page.on("response", async (response) => {
      if (!response.url().endsWith("/graphql") || !response.request().postData()?.includes("LoginMutation"))
        return;
      const body = (await response.json().catch(() => null)) as {
        data?: { login?: { token?: string } };
      } | null;
      if (body?.data?.login?.token) seen.token = body.data.login.token;
    });
    return seen;
  }

  /** Everything the page could still be holding: storage, cookies, IndexedDB, Cache Storage, DOM. */
  async function traces(player: PlayerPage) {
    const { page } = player;
    const inPage = await page.evaluate(async () => {
      const areas: Record<string, string> = {};
      for (const [name, area] of [
        ["localStorage", localStorage],
        ["sessionStorage", sessionStorage],
      ] as const) {
        for (let i = 0; i < area.length; i++) {
          const key = area.key(i);
          if (key !== null) areas[`${name}:${key}`] = area.getItem(key) ?? "";
        }
      }
      const databases = (await indexedDB.databases()).map((db) => db.name ?? "");
      const cached: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          cached.push(`${request.url}\n${await (await cache.match(request))?.text()}`);
        }
      }
      return {
        areas,
        databases,
        cached,
        cookie: document.cookie,
        dom: document.documentElement.outerHTML,
        title: document.title,
        history: JSON.stringify(history.state),
        writes: (window as unknown as Win).__writes,
      };
    });
    const cookies = await page.context().cookies();
    return { ...inPage, cookies: JSON.stringify(cookies) };
  }

  const identifiedAnonymously = () => gatewayIdentifiedWith("");

  it("never puts the token in a URL, the console, the page or any storage, and logout leaves no trace", async () => {
    const player = await openWith([recordStorageWrites]);
    const { page, errors } = player;
    const seen = watchSecrets(page);

    await logIn(page, false);
    await account(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });
    const token = seen.token;
    expect(token, "the login answer carried a token").toBeTruthy();
    if (!token) return;
    // Use the session a little: the gateway identifies with it, favorites are asked for.
    const graphql = watchGraphql(page);
    await page.getByRole("tab", { name: "K-pop" }).click();
    await page.getByRole("tab", { name: "J-pop" }).click();
    // The session has been used once the J-pop socket identified with the token, its song is on
    // screen, favorites were checked with the token, and no GraphQL request is still on its way.
    await gatewayIdentifiedWith(`Bearer ${token}`);
    await eventually(
      async () =>
        (await station.state()).stations.jpop.song.title ===
        (await nowPlaying(page).getByRole("heading", { level: 2 }).textContent()),
      "the J-pop song shows again",
    );
    await eventually(
      async () =>
        (await station.state()).graphql.some((r) => r.operationName === "checkFavorite" && r.status === 200),
      "favorites were checked",
    );
    await eventually(() => graphql.pending === 0, "no GraphQL request in flight");

    const during = await traces(player);
    expect(
      seen.urls.filter((url) => url.includes(token)),
      "URLs carrying the token",
    ).toEqual([]);
    expect(
      seen.console.filter((text) => text.includes(token)),
      "console lines with the token",
    ).toEqual([]);
    expect(new Set(seen.authorizedUrls.map((url) => new URL(url).href))).toEqual(
      new Set([`${appUrl}/graphql`]),
    );
    expect(during.dom.includes(token), "the token in the DOM").toBe(false);
    expect(during.writes.filter((w) => w.value.includes(token) || w.key.includes(token))).toEqual([]);
    expect(Object.keys(during.areas)).not.toContain(`localStorage:${AUTH_KEY}`);
    for (const place of [
      JSON.stringify(during.areas),
      during.cookie,
      during.cookies,
      during.cached.join("\n"),
    ]) {
      expect(place.includes(token)).toBe(false);
    }

    await account(page).getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
    await identifiedAnonymously();
    const after = await traces(player);
    for (const place of [
      after.dom,
      after.title,
      after.history,
      after.cookie,
      after.cookies,
      JSON.stringify(after.areas),
      after.cached.join("\n"),
      after.databases.join("\n"),
    ]) {
      expect(place.includes(token)).toBe(false);
    }
    expect(after.writes.filter((w) => w.value.includes(token))).toEqual([]);
    // And a reload does not bring the session back.
    await page.reload();
    await live(page);
    await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
    await identifiedAnonymously();
    expect(seen.console.filter((text) => text.includes(token))).toEqual([]);
    expect(errors).toEqual([]);
    await player.close();
  });

  it("keeps a remembered token only under its own key, and logout removes it", async () => {
    const player = await openWith([recordStorageWrites]);
    const { page, errors } = player;
    const seen = watchSecrets(page);
    await logIn(page, true);
    await account(page).getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });
    const token = seen.token;
    expect(token).toBeTruthy();
    if (!token) return;
    const during = await traces(player);
    const holding = Object.entries(during.areas)
      .filter(([, value]) => value.includes(token))
      .map(([key]) => key);
    expect(holding).toEqual([`localStorage:${AUTH_KEY}`]);

    await account(page).getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log in", exact: true }).waitFor();
    const after = await traces(player);
    expect(JSON.stringify(after.areas).includes(token)).toBe(false);
    expect(after.dom.includes(token)).toBe(false);
    expect(seen.urls.filter((url) => url.includes(token))).toEqual([]);
    expect(seen.console.filter((text) => text.includes(token))).toEqual([]);
    expect(errors).toEqual([]);
    await player.close();
  });
});

describe("production dependencies", () => {
  /** The whole production tree, each with the reason it may ship (README "Production dependencies"). */
  const ALLOWED = new Set([
    "react",
    "react-dom",
    "scheduler", // react-dom's
    "@tanstack/react-query",
    "@tanstack/query-core", // react-query's
    "zustand",
    "valibot",
  ]);

  it("are exactly the justified few: pinned, without install scripts, MIT", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
      packages: Record<
        string,
        {
          version?: string;
          dev?: boolean;
          devOptional?: boolean;
          optional?: boolean;
          hasInstallScript?: boolean;
          license?: string;
        }
      >;
    };
    for (const [name, range] of Object.entries(pkg.dependencies)) {
      expect(range, `${name} is pinned to one version`).toMatch(/^\d+\.\d+\.\d+$/);
    }
    // Platform binaries of dev tools show up as optional, non-dev entries; they never reach the bundle.
    const production = Object.entries(lock.packages).filter(
      ([path, entry]) => path !== "" && !entry.dev && !entry.devOptional && !entry.optional,
    );
    const names = production.map(([path]) => path.replace(/^.*node_modules\//, ""));
    expect(new Set(names)).toEqual(ALLOWED);
    for (const [path, entry] of production) {
      expect(entry.hasInstallScript ?? false, `${path} runs an install script`).toBe(false);
      expect(entry.license, `${path}'s license`).toBe("MIT");
    }
  });

  it("npm audit --omit=dev reports no vulnerabilities", { timeout: 120_000 }, async (context) => {
    const { stdout } = await new Promise<{ stdout: string }>((resolve) => {
      execFile(
        "npm",
        ["audit", "--omit=dev", "--json"],
        { timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
        (_error, out) => resolve({ stdout: String(out) }),
      );
    });
    let report: {
      metadata?: { vulnerabilities?: Record<string, number> };
      message?: string;
      error?: unknown;
      statusCode?: number;
      code?: string;
    };
    try {
      report = JSON.parse(stdout);
    } catch {
      report = { message: `npm audit printed no JSON: ${stdout.slice(0, 200)}` };
    }
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/npm-audit.json", `${JSON.stringify(report, null, 2)}\n`);
    const counts = report.metadata?.vulnerabilities;
    if (!counts) {
      // The registry here answers GETs only: the audit endpoint (a POST) says 405, and offline
      // machines cannot reach it at all. That is not a clean audit; say so loudly. CI with the real
      // registry sets REQUIRE_NPM_AUDIT=1, and then an unreachable endpoint fails the run.
      const reason = `npm audit could not run: ${report.message ?? report.code ?? "no report"}${
        report.statusCode ? ` (HTTP ${report.statusCode})` : ""
      }. The production tree was checked offline by the test above; rerun where the registry's audit endpoint answers.`;
      console.warn(`\n⚠ ${reason}\n`);
      expect(process.env.REQUIRE_NPM_AUDIT, reason).not.toBe("1");
      await context.annotate(reason, "warning");
      context.skip(reason);
    }
    expect(counts).toMatchObject({ info: 0, low: 0, moderate: 0, high: 0, critical: 0 });
    expect(counts?.total ?? 0).toBe(0);
  });
});
