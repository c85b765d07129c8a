/**
 * Searching the station's catalogue from the header, in Chromium against the local station: the
 * results are compared with what the station's own `search` answers for the same query.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./support/axe";
import { openPlayer, screenshot, VIEWPORTS } from "./support/browser";
import { watchGraphql } from "./support/graphql-traffic";
import { logInAsKana } from "./support/login";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite({ favorites: true, tokens: true, requests: true });
const { appUrl } = suite;
/** The station's GraphQL, asked directly for the answers the page should show. */
const stationUrl = inject("stationUrl");

const DESKTOP = { width: 1280, height: 800 };
/** Matches titles and albums on both stations ("… Diary" titles, the "Starlight Diary" album). */
const QUERY = "diary";

async function ready(page: Page) {
  await page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 }).waitFor();
}

/** The first titles the station itself answers for `query` (native titles, as the page shows them). */
async function stationTitles(query: string, kpop: boolean, count: number): Promise<string[]> {
  const response = await fetch(`${stationUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `query($q: ID!, $kpop: Boolean) { search(query: $q, kpop: $kpop, limit: ${count}) { ... on Song { title } } }`,
      variables: { q: query, kpop },
    }),
  });
  const body = (await response.json()) as { data: { search: { title: string }[] } };
  return body.data.search.map((song) => song.title);
}

/** The first J-pop song the station answers for `query`, with its id (to look up kana's favorites). */
async function firstStationSong(query: string): Promise<{ id: number; title: string }> {
  const response = await fetch(`${stationUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: "query($q: ID!) { search(query: $q, kpop: false, limit: 1) { ... on Song { id title } } }",
      variables: { q: query },
    }),
  });
  const body = (await response.json()) as { data: { search: { id: number; title: string }[] } };
  return body.data.search[0];
}

const results = (page: Page) => page.getByRole("region", { name: "Search results" });

/** The titles on screen, once the status says the answer for `query` is in. */
async function shownTitles(page: Page, query: string): Promise<string[]> {
  const status = results(page).getByRole("status");
  await eventually(
    async () =>
      /match/.test((await status.textContent()) ?? "") && (await status.textContent())?.includes(query),
    `the results for “${query}”`,
  );
  const rows = results(page).getByRole("listitem");
  return rows.evaluateAll((items) => items.map((item) => item.querySelector("p")?.textContent ?? ""));
}

describe("search", () => {
  it("finds the current station's songs, then the other station's when the tab changes", async () => {
    const { page, errors } = await openPlayer(suite.browser, appUrl, DESKTOP);
    await ready(page);
    const box = page.getByRole("banner").getByRole("searchbox", { name: "Search songs" });
    await box.fill(QUERY);

    const jpop = await shownTitles(page, QUERY);
    expect(jpop.length).toBe(20);
    expect(jpop).toEqual(await stationTitles(QUERY, false, 20));
    await expect(results(page).getByRole("status").textContent()).resolves.toBe(
      `The first 20 songs that match “${QUERY}”`,
    );
    await screenshot(page, "search-desktop");

    await page.getByRole("tab", { name: "K-pop" }).click();
    await results(page).getByRole("heading", { name: "K-pop songs" }).waitFor();
    const kpop = await shownTitles(page, QUERY);
    expect(kpop).toEqual(await stationTitles(QUERY, true, 20));
    expect(kpop).not.toEqual(jpop);

    await results(page).getByRole("button", { name: "Show more results" }).click();
    await eventually(async () => (await results(page).getByRole("listitem").count()) > 20, "a second page");
    expect(errors).toEqual([]);
  });

  it("Favorites only shows kana's favorites, each with its heart pressed", async () => {
    const { page } = await openPlayer(suite.browser, appUrl, DESKTOP);
    await ready(page);
    await logInAsKana(page);
    await page.getByRole("searchbox", { name: "Search songs" }).fill(QUERY);
    const all = await shownTitles(page, QUERY);

    const only = results(page).getByRole("switch", { name: "Favorites only" });
    await only.click();
    await eventually(async () => (await only.getAttribute("aria-checked")) === "true", "the switch is on");
    await eventually(
      async () => (await results(page).getByRole("list").getAttribute("aria-busy")) === null,
      "the answer",
    );
    const favorites = await shownTitles(page, QUERY);
    expect(favorites.length).toBeGreaterThan(0);
    expect(favorites).not.toEqual(all);
    const hearts = results(page).getByRole("button", { name: /^Favorite / });
    await eventually(async () => (await hearts.count()) === favorites.length, "a heart per favorite");
    for (const pressed of await hearts.evaluateAll((els) => els.map((el) => el.getAttribute("aria-pressed"))))
      expect(pressed).toBe("true");
    await screenshot(page, "search-favorites-only");
  });

  it("says a heart's state is unavailable while checkFavorite fails, and a press asks again instead of toggling", async () => {
    const { page } = await openPlayer(suite.browser, appUrl, DESKTOP);
    await ready(page);
    await logInAsKana(page);
    const song = await firstStationSong(QUERY);
    const kanaHasIt = (await suite.station.state()).favorites.kana.includes(song.id);
    await suite.station.fault({ type: "graphql", mode: "500", operation: "checkFavorite" });
    const graphql = watchGraphql(page);
    await page.getByRole("searchbox", { name: "Search songs" }).fill(QUERY);
    expect((await shownTitles(page, QUERY))[0]).toBe(song.title);

    // The query client retries a 500 twice before the heart gives up: allow for its backoff.
    const unavailable = results(page).getByRole("button", {
      name: `Favorite status of ${song.title} unavailable — retry`,
      exact: true,
    });
    await unavailable.waitFor({ timeout: 15_000 });
    expect(await unavailable.getAttribute("aria-pressed")).toBeNull();

    await suite.station.clear();
    await unavailable.click();
    const heart = results(page).getByRole("button", { name: `Favorite ${song.title}`, exact: true });
    await eventually(
      async () => (await heart.getAttribute("aria-pressed")) === String(kanaHasIt),
      `the heart shows kana's answer (${kanaHasIt})`,
    );
    await eventually(() => graphql.pending === 0, "the page's requests answered");
    expect(graphql.answered).toContain("checkFavorite");
    expect(graphql.answered).not.toContain("favoriteSong");
    expect((await suite.station.state()).favorites.kana.includes(song.id)).toBe(kanaHasIt);
  });

  it("goes from the / shortcut to a request with the keyboard alone, and the queue line follows", async () => {
    const { page, errors } = await openPlayer(suite.browser, appUrl, DESKTOP);
    await ready(page);
    await logInAsKana(page);
    await page.locator("body").focus();
    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "Search songs" });
    const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
    await eventually(() => hasFocus(box), "the box has focus");
    // Shortcut keys are letters here: m does not mute, 2 does not switch stations.
    await page.keyboard.type("m2");
    await expect(box.inputValue()).resolves.toBe("m2");
    await page.keyboard.press("Control+A");
    await page.keyboard.type(QUERY);
    const [first, second] = await shownTitles(page, QUERY);

    const tabTo = async (key: "Tab" | "Shift+Tab", target: Locator, what: string) => {
      await page.keyboard.press(key);
      await eventually(() => hasFocus(target), `${key} reaches ${what}`);
    };
    const button = (name: string) => results(page).getByRole("button", { name, exact: true });
    const favoritesOnly = results(page).getByRole("switch", { name: "Favorites only" });
    // The rows' buttons come with the requests and favorites code, which may still be on its way.
    for (const name of [`Request ${first}`, `Favorite ${first}`, `Request ${second}`])
      await button(name).waitFor();
    await tabTo("Tab", favoritesOnly, "the Favorites only switch");
    await tabTo("Tab", button(`Request ${first}`), "the first result's Request");
    await tabTo("Tab", button(`Favorite ${first}`), "the first result's heart");
    await tabTo("Tab", button(`Request ${second}`), "the second result's Request");

    // Request the first result from the keyboard: it says so, and the queue line counts it.
    await tabTo("Shift+Tab", button(`Favorite ${first}`), "back to the first heart");
    await tabTo("Shift+Tab", button(`Request ${first}`), "back to the first Request");
    await page.keyboard.press("Enter");
    await button(`Requested ${first}`).waitFor();
    expect(await hasFocus(button(`Requested ${first}`))).toBe(true);
    await page
      .getByRole("status")
      .filter({ hasText: `Requested ${first}` })
      .waitFor();
    const queueLine = page.getByRole("region", { name: "Request queue" });
    await queueLine.filter({ hasText: "1 of your requests is queued" }).waitFor();

    // Favorites only from the keyboard, then Escape clears the search and returns to the box.
    await tabTo("Shift+Tab", favoritesOnly, "back to the switch");
    await page.keyboard.press("Space");
    await eventually(
      async () => (await favoritesOnly.getAttribute("aria-checked")) === "true",
      "Favorites only from the keyboard",
    );
    await page.keyboard.press("Escape");
    await eventually(() => hasFocus(box), "focus back in the box");
    await expect(box.inputValue()).resolves.toBe("");
    await expect(results(page).count()).resolves.toBe(0);
    await expect(page.getByRole("tab", { name: "J-pop" }).getAttribute("aria-selected")).resolves.toBe(
      "true",
    );
    await expect(page.getByRole("button", { name: "Mute" }).getAttribute("aria-pressed")).resolves.toBe(
      "false",
    );
    expect(errors).toEqual([]);
  });

  it("fits a phone: the box in a row of its own, the results under it", async () => {
    const { page } = await openPlayer(suite.browser, `${appUrl}/kpop`, VIEWPORTS.phone, {
      colorScheme: "dark",
    });
    await ready(page);
    const box = page.getByRole("searchbox", { name: "Search songs" });
    await box.click();
    await page.keyboard.type(QUERY);
    expect(await shownTitles(page, QUERY)).toEqual(await stationTitles(QUERY, true, 20));
    // Box and panel fit the screen's width.
    for (const part of [box, results(page)]) {
      const bounds = await part.boundingBox();
      expect(bounds && bounds.x >= 0 && bounds.x + bounds.width <= VIEWPORTS.phone.width).toBe(true);
    }
    await screenshot(page, "search-phone");
    expect(await axeViolations(page)).toEqual([]);

    // Escape clears, then puts the panel away; the cursor stays in the box.
    await page.keyboard.press("Escape");
    await expect(box.inputValue()).resolves.toBe("");
    await expect(results(page).count()).resolves.toBe(0);
    await page.keyboard.type("zzzz");
    await results(page).getByText("No songs match “zzzz”.").waitFor();
    await page.getByRole("region", { name: "Now playing" }).click();
    await expect(results(page).count()).resolves.toBe(0);
    await expect(box.inputValue()).resolves.toBe("zzzz");
  });

  for (const scheme of ["dark", "light"] as const) {
    it(`has no axe violations on the results, logged in (${scheme})`, async () => {
      const { page } = await openPlayer(suite.browser, appUrl, DESKTOP, { colorScheme: scheme });
      await ready(page);
      await logInAsKana(page);
      await page.getByRole("searchbox", { name: "Search songs" }).fill(QUERY);
      await shownTitles(page, QUERY);
      await eventually(
        async () =>
          (await results(page)
            .getByRole("button", { name: /^Favorite / })
            .count()) > 0,
        "the hearts",
      );
      expect(await axeViolations(page)).toEqual([]);
      if (scheme === "light") await screenshot(page, "search-desktop-light");
    });
  }
});
