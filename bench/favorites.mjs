// The favorites view with 5,000 favorites, in real Chromium: time from the data to the first rows
// painted, time until the whole list is in and painted, and keystroke → filtered list painted.
// kana logs in against the local station as usual; only the `userFavorites` pages are answered by
// the bench (route interception), from 5,000 generated favorites, in the production envelope.

import { openPage } from "./browser.mjs";
import { summary } from "./stats.mjs";

export const FAVORITES_COUNT = 5_000;
const WORDS = [
  "Hoshi",
  "Sora",
  "Yume",
  "Hana",
  "Koi",
  "Natsu",
  "Ame",
  "Kimi",
  "Kaze",
  "Tsuki",
  "Hikari",
  "Mirai",
];
const KANJI = ["星", "空", "夢", "花", "恋", "夏", "雨", "君", "風", "月", "光", "未来"];
/** Typed a character at a time; each keystroke narrows (or clears) the filter. */
const QUERIES = ["hoshi sora", "yume no", "tsuki 12"];

/** 5,000 favorites, newest first, shaped as `${SONG_FIELDS}` selects them. */
function generateFavorites(count) {
  const now = Date.UTC(2026, 11, 1);
  return Array.from({ length: count }, (_, i) => {
    const a = i % WORDS.length;
    const b = Math.floor(i / WORDS.length) % WORDS.length;
    return {
      createdAt: String(now - i * 3_600_000),
      song: {
        id: 100_000 + i,
        title: `${KANJI[a]}と${KANJI[b]}の歌 ${i}`,
        titleRomaji: `${WORDS[a]} to ${WORDS[b]} no Uta ${i}`,
        duration: 200 + (i % 90),
        artists: [
          {
            id: 1_000 + (i % 400),
            name: `アーティスト${i % 400}`,
            nameRomaji: `Artist ${i % 400}`,
            image: null,
            characters: [],
          },
        ],
        characters: [],
        albums: [
          { id: 5_000 + (i % 900), name: `${WORDS[b]} Album ${i % 900}`, nameRomaji: null, image: null },
        ],
        sources:
          i % 3 === 0
            ? [{ id: 9_000 + (i % 200), name: `Anime ${i % 200}`, nameRomaji: null, image: null }]
            : [],
      },
    };
  });
}

/** Records, in the page, when each favorites page arrived, when rows were first painted and each keystroke's cost. */
function installFavoritesProbes() {
  const probe = { pageAt: {}, firstRowsPaintedAt: null, allPaintedAt: null, keys: [] };
  window.__favorites = probe;
  const fetchOriginal = window.fetch;
  window.fetch = async (...args) => {
    const response = await fetchOriginal(...args);
    const body = args[1]?.body;
    if (typeof body === "string" && body.includes('"userFavorites"')) {
      probe.pageAt[JSON.parse(body).variables.offset] = performance.now();
    }
    return response;
  };
  const afterPaint = (record) => requestAnimationFrame(() => setTimeout(() => record(performance.now())));
  let firstSeen = false;
  let allSeen = false;
  const observer = new MutationObserver(() => {
    if (!firstSeen && document.querySelector("li[aria-posinset]")) {
      firstSeen = true;
      afterPaint((at) => {
        probe.firstRowsPaintedAt = at;
      });
    }
    const list = document.querySelector("ul[aria-label^='Your']");
    if (
      !allSeen &&
      list &&
      list.querySelector('li[aria-setsize="5000"]') &&
      !document.body.textContent.includes("Loading favorites…")
    ) {
      allSeen = true;
      afterPaint((at) => {
        probe.allPaintedAt = at;
      });
    }
    if (firstSeen && allSeen) observer.disconnect();
  });
  addEventListener("DOMContentLoaded", () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
  // A keystroke in the filter: from the key event to the frame after the list, filtered by what the
  // box now says, was painted (the list may follow a frame or more behind the box).
  document.addEventListener(
    "keydown",
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement)) return;
      const started = performance.now();
      const check = () => {
        const list = document.querySelector("ul[data-filter]");
        const empty = document.body.textContent.includes("No favorites match");
        if ((list && list.dataset.filter === input.value) || (!list && empty)) {
          setTimeout(() => probe.keys.push(performance.now() - started));
        } else requestAnimationFrame(check);
      };
      // The key's own input event comes after keydown: look from the next frame on.
      requestAnimationFrame(check);
    },
    true,
  );
}

async function logIn(page) {
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Log in" });
  await dialog.getByLabel("Username or email").fill("kana");
  await dialog.getByLabel("Password").fill("kana-password");
  await dialog.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: "Favorites", exact: true }).waitFor();
}

/**
 * @param {{browser: any, appUrl: string, runs: number}} options
 */
export async function measureFavorites({ browser, appUrl, runs }) {
  const favorites = generateFavorites(FAVORITES_COUNT);
  const pageBodies = new Map();
  const answer = (offset, count) => {
    const key = `${offset}:${count}`;
    if (!pageBodies.has(key)) {
      pageBodies.set(
        key,
        JSON.stringify({
          data: {
            user: {
              favorites: { favorites: favorites.slice(offset, offset + count), count: favorites.length },
            },
          },
        }),
      );
    }
    return pageBodies.get(key);
  };
  const results = [];
  for (let run = 0; run < runs; run++) {
    const { page, close, errors } = await openPage(browser);
    try {
      await page.addInitScript(installFavoritesProbes);
      await page.route("**/graphql", async (route) => {
        const request = route.request().postDataJSON();
        if (request?.operationName !== "userFavorites") return route.fallback();
        const { offset, count } = request.variables;
        await route.fulfill({ status: 200, contentType: "application/json", body: answer(offset, count) });
      });
      await page.goto(appUrl);
      await logIn(page);
      await page.getByRole("link", { name: "Favorites", exact: true }).click();
      await page.waitForFunction(() => window.__favorites.allPaintedAt !== null, null, { timeout: 30_000 });
      const filter = page.getByRole("textbox", { name: "Filter favorites" });
      await filter.focus();
      for (const query of QUERIES) {
        for (const char of query) {
          const before = await page.evaluate(() => window.__favorites.keys.length);
          await page.keyboard.press(char === " " ? "Space" : char);
          await page.waitForFunction((n) => window.__favorites.keys.length > n, before);
        }
        const before = await page.evaluate(() => window.__favorites.keys.length);
        await page.keyboard.press("ControlOrMeta+a");
        await page.keyboard.press("Backspace");
        await page.waitForFunction((n) => window.__favorites.keys.length > n + 1, before);
      }
      const probe = await page.evaluate(() => window.__favorites);
      const lastPageAt = Math.max(...Object.values(probe.pageAt));
      results.push({
        dataToFirstRows: probe.firstRowsPaintedAt - probe.pageAt[0],
        lastPageToAllRows: probe.allPaintedAt - lastPageAt,
        firstPageToAllRows: probe.allPaintedAt - probe.pageAt[0],
        keystrokes: probe.keys,
      });
      if (errors.length > 0) throw new Error(`page errors: ${errors.join("; ")}`);
    } finally {
      await close();
    }
  }
  const all = (field) => summary(results.map((r) => r[field]));
  return {
    count: FAVORITES_COUNT,
    runs: results.length,
    dataToFirstRows: all("dataToFirstRows"),
    lastPageToAllRows: all("lastPageToAllRows"),
    firstPageToAllRows: all("firstPageToAllRows"),
    keystroke: summary(results.flatMap((r) => r.keystrokes)),
  };
}
