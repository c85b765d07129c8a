/**
 * Song requests in Chromium against the local station: request from a song's details, see where it
 * is, hear it play next with the requester linked; the daily limit; a random favorite; every failure
 * as an alert; axe on all of it.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { axeViolations } from "./support/axe";
import { openPlayer } from "./support/browser";
import { logInAsKana } from "./support/login";
import { eventually, type StationSnapshot } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite({ tokens: true, requests: true, favorites: true, holdSongs: true });
const { appUrl, station } = suite;
const stationUrl = inject("stationUrl");

/** kana's daily request limit on the station (tests/station accounts). */
const KANA_DAILY_REQUESTS = 5;

type Requester = { uuid: string | null; username: string | null; displayName: string | null } | null;
type Snapshot = StationSnapshot & {
  stations: Record<"jpop" | "kpop", { requester: Requester; queue: number }>;
};
const stationState = () => station.state() as Promise<Snapshot>;

async function ready(page: Page) {
  await page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 }).waitFor();
  await page.getByRole("region", { name: "History" }).getByRole("listitem").first().waitFor();
}

async function openLoggedIn(path = "") {
  const player = await openPlayer(suite.browser, `${appUrl}${path}`);
  await ready(player.page);
  await logInAsKana(player.page);
  return player;
}

/** Opens the details of the `index`-th history song; returns the dialog and the song's title. */
async function openHistoryDetails(page: Page, index: number): Promise<{ dialog: Locator; title: string }> {
  const row = page.getByRole("region", { name: "History" }).getByRole("listitem").nth(index);
  await row.getByRole("button").first().click();
  // The title comes from the dialog that opened: the history may still be redrawn from GraphQL's
  // answer while the page settles, so the row read before the click can be another song's by then.
  const opened = page.getByRole("dialog");
  await opened.waitFor();
  const title = ((await opened.getByRole("heading").first().textContent()) ?? "").trim();
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  return { dialog, title };
}

const status = (page: Page) => page.getByRole("status").filter({ hasText: /^Requested / });
const queueLine = (page: Page) => page.getByRole("region", { name: "Request queue" });

async function alertSaying(page: Page, text: RegExp) {
  const alerts = page.getByRole("alert");
  await eventually(
    async () => (await alerts.allTextContents()).some((t) => text.test(t)),
    `an alert saying ${text}`,
  );
  return alerts.filter({ hasText: text });
}

/**
 * Requests `count` of kana's J-pop favorites (back-catalogue songs: never playing, never queued)
 * straight through the station's GraphQL, with a login of its own.
 */
async function requestFavoritesThroughApi(count: number) {
  const graphql = async (query: string, variables: object, token?: string) => {
    const response = await fetch(`${stationUrl}/graphql`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  };
  const login = await graphql(
    "mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
    { u: "kana", p: "kana-password" },
  );
  const token = (login.data?.login as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`no login: ${JSON.stringify(login)}`);
  const favorites = await graphql(
    '{ user(username: "@me") { favorites(count: 20, kpop: false) { favorites { song { id } } } } }',
    {},
    token,
  );
  type Favorites = { user: { favorites: { favorites: { song: { id: number } }[] } } };
  const ids = (favorites.data as Favorites).user.favorites.favorites.map((f) => f.song.id).slice(-count);
  const answers = [];
  for (const id of ids)
    answers.push(
      await graphql("mutation ($id: Int!) { requestSong(id: $id, kpop: false) { id } }", { id }, token),
    );
  return answers;
}

describe("song requests", () => {
  it("requests a song, shows where it is, and it plays next with the requester linked", async () => {
    const { page, errors } = await openLoggedIn();
    const { dialog, title } = await openHistoryDetails(page, 1);
    await dialog.getByRole("button", { name: `Request ${title}` }).click();

    await dialog.getByRole("button", { name: `Requested ${title}` }).waitFor();
    await status(page)
      .filter({ hasText: `Requested ${title} — it plays next.` })
      .waitFor();
    await queueLine(page).filter({ hasText: "1 of your requests is queued" }).waitFor();
    await queueLine(page).filter({ hasText: "Your song is next!" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press("Escape");
    await station.next("jpop");
    const nowPlaying = page.getByRole("region", { name: "Now playing" });
    await nowPlaying.getByRole("heading", { level: 2, name: title }).waitFor();
    const state = await stationState();
    expect(state.stations.jpop.song.title).toBe(title);
    expect(state.stations.jpop.requester?.username).toBe("kana");

    const requester = nowPlaying.getByRole("link", { name: /^Kana/ });
    expect(await requester.getAttribute("href")).toBe("https://listen.moe/u/kana");
    expect(await requester.getAttribute("target")).toBe("_blank");
    expect(await requester.getAttribute("rel")).toBe("noopener noreferrer");
    // The song left the queue: the line follows the track change.
    await eventually(
      async () => !/your requests/.test((await queueLine(page).allTextContents()).join(" ")),
      "the queue line no longer counts kana's request",
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("follows the requester link to the profile in a new tab", async () => {
    const { page } = await openLoggedIn();
    const { dialog, title } = await openHistoryDetails(page, 2);
    await dialog.getByRole("button", { name: `Request ${title}` }).click();
    await dialog.getByRole("button", { name: `Requested ${title}` }).waitFor();
    await page.keyboard.press("Escape");
    await station.next("jpop");
    const link = page.getByRole("region", { name: "Now playing" }).getByRole("link", { name: /^Kana/ });
    // No internet here: catch the new tab's navigation instead of loading listen.moe.
    await page
      .context()
      .route("https://listen.moe/**", (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: "<title>profile</title>" }),
      );
    const [popup] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe("https://listen.moe/u/kana");
    // noopener: the profile page cannot reach back into the player.
    expect(await popup.evaluate(() => window.opener)).toBeNull();
  });

  it("hits the daily limit with a clear alert, and the button can be tried again", async () => {
    const { page } = await openLoggedIn();
    // The day's requests but one go through the API; the last one and the refusal through the page.
    const used = await requestFavoritesThroughApi(KANA_DAILY_REQUESTS - 1);
    expect(used).toHaveLength(KANA_DAILY_REQUESTS - 1);
    expect(JSON.stringify(used)).not.toContain("errors");

    const first = await openHistoryDetails(page, 0);
    await first.dialog.getByRole("button", { name: `Request ${first.title}` }).click();
    await first.dialog.getByRole("button", { name: `Requested ${first.title}` }).waitFor();
    await page.keyboard.press("Escape");

    const second = await openHistoryDetails(page, 1);
    const button = second.dialog.getByRole("button", { name: `Request ${second.title}` });
    await button.click();
    const alert = await alertSaying(page, /All requests used for today\./);
    expect(await alert.textContent()).toContain(`Couldn't request ${second.title}.`);
    // Nothing lost: the button is still there to press, and not marked done.
    expect(await button.getAttribute("aria-disabled")).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("requests a random favorite and names the song it picked, which then plays", async () => {
    const { page } = await openLoggedIn();
    await page.getByRole("button", { name: "Request a random favorite" }).click();
    const said = status(page).filter({ hasText: /— it plays next\.$/ });
    await said.waitFor();
    const text = (await said.textContent()) ?? "";
    const picked = /^Requested (.+) — it plays next\.$/.exec(text)?.[1];
    expect(picked).toBeTruthy();
    await station.next("jpop");
    await page
      .getByRole("region", { name: "Now playing" })
      .getByRole("heading", { level: 2, name: picked as string, exact: true })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it.each([
    ["queued", /Song already queued\./],
    ["limit", /All requests used for today\./],
    ["server", /LISTEN\.moe ran into a problem on its side\./],
    ["not-found", /LISTEN\.moe said: No song found\./],
  ])("shows the %s refusal of requestSong as an alert", async (error, text) => {
    const { page } = await openLoggedIn();
    await station.fault({ type: "operation", field: "requestSong", error });
    const { dialog, title } = await openHistoryDetails(page, 0);
    await dialog.getByRole("button", { name: `Request ${title}` }).click();
    const alert = await alertSaying(page, text);
    expect(await alert.textContent()).toContain(`Couldn't request ${title}.`);
    expect(
      await dialog.getByRole("button", { name: `Request ${title}` }).getAttribute("aria-busy"),
    ).toBeNull();
  });

  it("shows a network failure as an alert, then succeeds once the network is back", async () => {
    const { page } = await openLoggedIn();
    const { dialog, title } = await openHistoryDetails(page, 0);
    await page.route("**/graphql", (route) =>
      /"requestSong"|requestSong\(/.test(route.request().postData() ?? "") ? route.abort() : route.fallback(),
    );
    const button = dialog.getByRole("button", { name: `Request ${title}` });
    await button.click();
    await alertSaying(page, /Can't reach LISTEN\.moe/);
    await page.unroute("**/graphql");
    await button.click();
    await dialog.getByRole("button", { name: `Requested ${title}` }).waitFor();
  });

  it("asks to log in when nobody is, and opens the login", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    const { dialog, title } = await openHistoryDetails(page, 0);
    await dialog.getByRole("button", { name: `Request ${title}` }).click();
    const alert = await alertSaying(page, /Log in to request songs\./);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await alert.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("dialog", { name: "Log in" }).getByLabel("Username or email").waitFor();
  });

  it("ends the login when the server no longer accepts it", async () => {
    const { page } = await openLoggedIn();
    await station.fault({ type: "operation", field: "requestSong", error: "unauthenticated" });
    const { dialog, title } = await openHistoryDetails(page, 0);
    await dialog.getByRole("button", { name: `Request ${title}` }).click();
    await alertSaying(page, /Log in to request songs\./);
    await page.getByRole("button", { name: "Log in", exact: true }).first().waitFor();
  });
});
