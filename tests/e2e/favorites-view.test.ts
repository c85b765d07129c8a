/**
 * The favorites view against the local station, in Chromium: kana's 2,600 favorites (1,600 J-pop,
 * 1,000 K-pop) loaded in pages, filtered down to one from the last page, unfavorited and brought back
 * with Undo, the station agreeing at each step; deep links; axe; screenshots at phone and desktop size.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./support/axe";
import { openPlayer, screenshot, VIEWPORTS } from "./support/browser";
import { logInAsKana } from "./support/login";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite({ favorites: true, tokens: true });
const { appUrl } = suite;
const stationUrl = inject("stationUrl");

async function ready(page: Page) {
  await page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 }).waitFor();
}

async function fillLogin(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Log in" });
  await dialog.getByLabel("Username or email").fill("kana");
  await dialog.getByLabel("Password").fill("kana-password");
  await dialog.getByRole("button", { name: "Log in" }).click();
}

const favoritesView = (page: Page) => page.getByRole("region", { name: "Favorites" });

async function waitForAll(page: Page, count: string) {
  await favoritesView(page).getByText(count, { exact: true }).waitFor();
  // The progress line goes once every page is in.
  await page.waitForFunction(() => !document.body.textContent?.includes("Loading favorites…"));
}

interface RawFavorite {
  song: { id: number; title: string | null };
}

/** kana's J-pop favorites as the station lists them (newest first), straight from its GraphQL. */
async function kanasJpopFavorites(): Promise<RawFavorite[]> {
  const post = async (query: string, variables: object, token?: string) => {
    const response = await fetch(`${stationUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: Record<string, unknown> }).data;
  };
  const { login } = (await post(
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
    { u: "kana", p: "kana-password" },
  )) as { login: { token: string } };
  const { user } = (await post(
    '{ user(username: "@me") { favorites(kpop: false) { favorites { song { id title } } } } }',
    {},
    login.token,
  )) as { user: { favorites: { favorites: RawFavorite[] } } };
  return user.favorites.favorites;
}

describe("favorites view", () => {
  it("opens from the header, filters all 1,600 J-pop favorites down to one from the last page, unfavorites it and brings it back", async () => {
    const favorites = await kanasJpopFavorites();
    expect(favorites).toHaveLength(1_600);
    // One from the last page of 500 whose title no other favorite contains.
    const titles = favorites.map((f) => (f.song.title ?? "").toLowerCase());
    const target = favorites.slice(1_500).find(({ song }) => {
      const wanted = song.title?.toLowerCase();
      return !!wanted && titles.filter((t) => t.includes(wanted)).length === 1;
    });
    if (!target?.song.title) throw new Error("no favorite with a unique title in the last page");
    const title = target.song.title;

    const { page, errors } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    await logInAsKana(page);
    await page.getByRole("banner").getByRole("link", { name: "Favorites", exact: true }).click();
    expect(new URL(page.url()).pathname).toBe("/favorites");
    await favoritesView(page).getByRole("heading", { name: "Favorites" }).waitFor();
    await waitForAll(page, "1,600 favorites");
    // The account's count says all of kana's favorites, on both stations.
    await page
      .getByRole("region", { name: "Account" })
      .getByRole("link", { name: "2,600 favorites" })
      .waitFor();

    const list = favoritesView(page).getByRole("list", { name: "Your J-pop favorites" });
    // Windowed: far fewer rows in the DOM than favorites, each telling its place in the whole.
    const drawn = await list.getByRole("listitem").count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    expect(await list.getByRole("listitem").first().getAttribute("aria-setsize")).toBe("1600");

    // The arrow keys are the page's: from a row's heart they scroll the long list, and the volume stays.
    const volume = page.getByRole("slider", { name: "Volume" });
    const volumeBefore = await volume.inputValue();
    const scrollTop = () => page.evaluate(() => window.scrollY);
    const top = await scrollTop();
    await list
      .getByRole("listitem")
      .first()
      .getByRole("button", { name: /^Favorite / })
      .focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown");
    await eventually(async () => (await scrollTop()) > top, "ArrowDown scrolls the favorites page");
    expect(await volume.inputValue()).toBe(volumeBefore);

    await favoritesView(page).getByRole("textbox", { name: "Filter favorites" }).fill(title);
    const row = list.getByRole("listitem").filter({ hasText: title });
    await expect.poll(() => list.getByRole("listitem").count()).toBe(1);
    await row.waitFor();
    const heart = row.getByRole("button", { name: `Favorite ${title}` });
    expect(await heart.getAttribute("aria-pressed")).toBe("true");

    await heart.click();
    await expect.poll(() => list.getByRole("listitem").count()).toBe(0);
    await eventually(
      async () => !(await suite.station.state()).favorites.kana.includes(target.song.id),
      "the station forgets the favorite",
    );
    await favoritesView(page).getByText("1,599 favorites", { exact: true }).waitFor();

    await page.getByRole("button", { name: "Undo" }).click();
    await row.waitFor();
    expect(await row.getByRole("button", { name: `Favorite ${title}` }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await eventually(
      async () => (await suite.station.state()).favorites.kana.includes(target.song.id),
      "the station has the favorite again",
    );
    await favoritesView(page).getByText("1,600 favorites", { exact: true }).waitFor();

    // Back to now playing, client-side.
    await favoritesView(page).getByRole("link", { name: "Back to now playing" }).click();
    await ready(page);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(errors).toEqual([]);
  });

  it("serves /kpop/favorites on a reload, asks to log in, shows the K-pop list right after, and switches station in place", async () => {
    const { page, errors } = await openPlayer(suite.browser, `${appUrl}/kpop/favorites`);
    await favoritesView(page).getByRole("heading", { name: "Favorites" }).waitFor();
    expect(await page.getByRole("tab", { name: "K-pop" }).getAttribute("aria-selected")).toBe("true");
    await favoritesView(page).getByRole("button", { name: "Log in to see favorites" }).click();
    await fillLogin(page);
    await waitForAll(page, "1,000 favorites");
    await page.reload();
    await waitForAll(page, "1,000 favorites");
    expect(new URL(page.url()).pathname).toBe("/kpop/favorites");

    await page.getByRole("tab", { name: "J-pop" }).click();
    await waitForAll(page, "1,600 favorites");
    expect(new URL(page.url()).pathname).toBe("/favorites");
    await page.goBack();
    await waitForAll(page, "1,000 favorites");
    expect(new URL(page.url()).pathname).toBe("/kpop/favorites");
    expect(errors).toEqual([]);
  });

  it("has no axe violations, and looks right at phone and desktop width", async () => {
    for (const [name, viewport] of [
      ["phone", VIEWPORTS.phone],
      ["desktop", { width: 1280, height: 860 }],
    ] as const) {
      const { page, close } = await openPlayer(suite.browser, appUrl, viewport);
      await ready(page);
      if (name === "phone") {
        await page.goto(`${appUrl}/favorites`);
        await favoritesView(page).getByRole("button", { name: "Log in to see favorites" }).click();
        await fillLogin(page);
      } else {
        await logInAsKana(page);
        await page.getByRole("banner").getByRole("link", { name: "Favorites", exact: true }).click();
      }
      await waitForAll(page, "1,600 favorites");
      await favoritesView(page).getByRole("listitem").first().waitFor();
      // Covers are lazy and may still be arriving; the list's text is what the picture checks.
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `favorites-${name}`);
      await close();
    }
  });
});
