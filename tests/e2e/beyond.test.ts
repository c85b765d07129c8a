import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPlayer, VIEWPORTS } from "./support/browser";
import { eventually, type StationSnapshot } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

// Held: a song ending on its own between picking it and checking the page would change the subject.
const suite = setUpE2eSuite({ holdSongs: true });
const { appUrl, station } = suite;

type Named = { name: string | null; nameRomaji: string | null };
type WireSong = { title: string | null; artists: Named[]; albums: Named[]; sources: Named[] };

type NativeAndRomaji = { native: string; romaji: string };
type JpopNow = StationSnapshot["stations"]["jpop"];

/** Moves the J-pop station on until `find` finds something in its song; returns what it found. */
async function untilJpopSong(find: (now: JpopNow) => NativeAndRomaji | null, what: string) {
  for (let step = 0; step < 60; step++) {
    const found = find((await station.state()).stations.jpop);
    if (found) return found;
    await station.next("jpop");
  }
  throw new Error(`no song with ${what}`);
}

/** A song with a romanised title (the gateway never sends one; the station's state has it). */
const untilRomajiTitle = () =>
  untilJpopSong(
    ({ song, titleRomaji }) =>
      song.title && titleRomaji && titleRomaji !== song.title
        ? { native: song.title, romaji: titleRomaji }
        : null,
    "a romanised title",
  );

/** A song with an artist whose native and romaji names differ. */
const untilRomajiDiffers = () =>
  untilJpopSong(({ song }) => {
    const artist = (song as unknown as WireSong).artists.find(
      (a) => a.name && a.nameRomaji && a.name !== a.nameRomaji,
    );
    return artist?.name && artist.nameRomaji ? { native: artist.name, romaji: artist.nameRomaji } : null;
  }, "a romaji artist name");

function title(page: Page) {
  return page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
}

async function openSettings(page: Page) {
  await page.getByRole("button", { name: "Settings" }).click();
  return page.getByRole("dialog", { name: "Settings" });
}

describe("beyond other players", () => {
  it("shows the romanised title of the song on air with 'Prefer romaji', from the API", async () => {
    const titles = await untilRomajiTitle();
    const { page, errors } = await openPlayer(suite.browser, appUrl);
    await eventually(
      async () => (await title(page).textContent())?.includes(titles.native) ?? false,
      "native title",
    );
    const settings = await openSettings(page);
    await settings.getByRole("checkbox", { name: "Prefer romaji for titles and names" }).check();
    await page.keyboard.press("Escape");
    await eventually(
      async () => (await title(page).textContent())?.includes(titles.romaji) ?? false,
      "romaji title",
    );
    expect(errors).toEqual([]);
  });

  it("applies 'Prefer romaji' to the page, the history, the tab title and the Media Session", async () => {
    const names = await untilRomajiDiffers();
    const { page, errors } = await openPlayer(suite.browser, appUrl);
    const nowPlaying = page.getByRole("region", { name: "Now playing" });
    await nowPlaying.getByText(names.native, { exact: false }).first().waitFor();

    const settings = await openSettings(page);
    await settings.getByRole("checkbox", { name: "Prefer romaji for titles and names" }).check();
    await page.keyboard.press("Escape");
    await nowPlaying.getByText(names.romaji, { exact: false }).first().waitFor();
    expect(await nowPlaying.getByText(names.native, { exact: false }).count()).toBe(0);
    await eventually(async () => (await page.title()).includes(names.romaji), "document.title uses romaji");
    const artist = await page.evaluate(() => navigator.mediaSession.metadata?.artist ?? "");
    expect(artist).toContain(names.romaji);

    // The finished song keeps its romaji name in the history.
    await station.next("jpop");
    const history = page.getByRole("region", { name: "History" });
    await history.getByText(names.romaji, { exact: false }).first().waitFor();

    // Persisted: a reload keeps the choice.
    await page.reload();
    await nowPlaying.getByRole("heading", { level: 2 }).waitFor();
    await history.getByText(names.romaji, { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it("loads a longer history from the API, with how long ago each song played", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    const rows = page.getByRole("region", { name: "History" }).getByRole("listitem");
    await eventually(async () => (await rows.count()) >= 10, "at least 10 songs of history");
    const times = await page.getByRole("region", { name: "History" }).locator("time").allTextContents();
    expect(times.some((t) => /ago|now/.test(t))).toBe(true);
  });

  it("switches between light and dark themes", async () => {
    const { page } = await openPlayer(suite.browser, appUrl, VIEWPORTS.desktop, { colorScheme: "dark" });
    await title(page).waitFor();
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await theme()).toBe("dark");
    const dark = await background();
    const settings = await openSettings(page);
    await settings.getByLabel("Theme").selectOption("light");
    expect(await theme()).toBe("light");
    expect(await background()).not.toBe(dark);
  });

  it("opens song details from the history, with site links and 'Copy song info'", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await title(page).waitFor();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const firstRow = page.getByRole("region", { name: "History" }).getByRole("listitem").first();
    await firstRow.getByRole("button").first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Copy song info" }).click();
    await dialog.getByText("Copied").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/ – /);
    const links = await dialog
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links)
      expect(href).toMatch(/^https:\/\/listen\.moe\/(artists|characters|albums|sources)\/\d+$/);
  });

  it("opens offline with the last known songs and says it is offline", async () => {
    const { page, errors } = await openPlayer(suite.browser, appUrl);
    await title(page).waitFor();
    const shown = await title(page).textContent();
    // The service worker installs after load; wait until it controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await eventually(
      () => page.evaluate(() => navigator.serviceWorker.controller !== null),
      "the service worker controls the page",
    );
    await title(page).waitFor();

    await page.context().setOffline(true);
    await page.reload();
    await title(page).waitFor();
    expect(await title(page).textContent()).toBe(shown);
    await eventually(
      async () =>
        /Offline|Reconnecting/.test(
          (await page.getByRole("status", { name: "Connection" }).textContent()) ?? "",
        ),
      "the status says the connection is down",
    );
    await page.context().setOffline(false);
    await eventually(
      async () => (await page.getByRole("status", { name: "Connection" }).textContent())?.includes("Live"),
      "back to live once online",
      20_000,
    );
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
