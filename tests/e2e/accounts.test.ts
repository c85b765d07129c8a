import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  animationFrames,
  closePlayers,
  launchBrowser,
  openPlayer,
  screenshot,
  VIEWPORTS,
} from "./support/browser";
import { watchGraphql } from "./support/graphql-traffic";
import { eventually, stationControl } from "./support/station";

const appUrl = inject("appUrl");
const stationUrl = inject("stationUrl");
const station = stationControl(stationUrl);
let browser: Browser;

const KANA = { username: "kana", password: "kana-password", displayName: "Kana" };
const MIKA = { username: "mika", password: "mika-password", displayName: "Mika", code: "246810" };
/** Where the app keeps a remembered login. */
const AUTH_KEY = "lm.auth.v1";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  // Seeded favorites back, every earlier test's login forgotten.
  await station.reset({ favorites: true, tokens: true });
});
afterEach(closePlayers);
afterEach(async () => {
  await station.clear();
});

function loginButton(page: Page) {
  return page.getByRole("button", { name: "Log in", exact: true });
}

function account(page: Page) {
  return page.getByRole("region", { name: "Account" });
}

/** Waits until the header's "Account" region names `displayName` (and, when given, `favorites` favorites). */
async function signedInAs(page: Page, displayName: string, favorites?: number, timeoutMs = 10_000) {
  // As the page writes it: "2,600 favorites".
  const shown = favorites?.toLocaleString("en-US");
  const count = shown === undefined ? null : new RegExp(`(^|[^\\d,])${shown} favorites?(\\D|$)`);
  await eventually(
    async () => {
      const regions = page.getByRole("region", { name: "Account" });
      if ((await regions.count()) !== 1) return false;
      const text = (await regions.textContent()) ?? "";
      return text.startsWith(displayName) && (count === null || count.test(text));
    },
    `the header shows ${displayName}${favorites === undefined ? "" : ` with ${favorites} favorites`}`,
    timeoutMs,
  );
}

/** Waits for a `role="alert"` anywhere on the page whose text matches `text`; returns it. */
async function alertSaying(page: Page, text: RegExp, timeoutMs = 10_000) {
  const alerts = page.getByRole("alert");
  const index = await eventually(
    async () => {
      const found = (await alerts.allTextContents()).findIndex((t) => text.test(t));
      return found >= 0 ? found + 1 : 0;
    },
    `an alert saying ${text}`,
    timeoutMs,
  );
  return alerts.nth(index - 1);
}

/** Opens the dialog and submits the password step. */
async function submitPassword(page: Page, username: string, password: string, remember = true) {
  await loginButton(page).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Username or email" }).fill(username);
  await dialog.getByRole("textbox", { name: "Password" }).fill(password);
  await dialog.getByRole("checkbox", { name: "Remember me" }).setChecked(remember);
  await dialog.getByRole("button", { name: "Log in", exact: true }).click();
  return dialog;
}

/** Logs in as kana and waits for the header to show her. */
async function logInAsKana(page: Page, remember = true) {
  const dialog = await submitPassword(page, KANA.username, KANA.password, remember);
  await signedInAs(page, KANA.displayName);
  await dialog.waitFor({ state: "detached", timeout: 5_000 });
}

/**
 * Waits until exactly one gateway socket is open and its first frame was the identify frame with
 * `auth` ("Bearer <token>" or ""). Returns that connection.
 */
async function identifiedWith(auth: string | RegExp): Promise<{ auth: string }> {
  const identified = await eventually(
    async () => {
      const { connections, sockets } = await station.state();
      const open = connections.filter((c) => c.closedAt === null);
      if (sockets.total !== 1 || open.length !== 1 || !open[0].firstFrame) return null;
      const frame = JSON.parse(open[0].firstFrame) as { op?: unknown; d?: { auth?: unknown } };
      const sent = frame.d?.auth;
      if (frame.op !== 0 || typeof sent !== "string") return null;
      const matches = typeof auth === "string" ? sent === auth : auth.test(sent);
      return matches ? { auth: sent } : null;
    },
    `one gateway socket, identified with ${String(auth)}`,
  );
  return identified as { auth: string };
}

/** The token the page sent to the gateway (the station logs each socket's first frame). */
async function tokenOnTheGateway() {
  const { auth } = await identifiedWith(/^Bearer \S+$/);
  return auth.slice("Bearer ".length);
}

/** Every value in localStorage and sessionStorage, keyed "local:<key>" / "session:<key>". */
function storage(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const [name, area] of [
      ["local", localStorage],
      ["session", sessionStorage],
    ] as const) {
      for (let i = 0; i < area.length; i++) {
        const key = area.key(i);
        if (key !== null) out[`${name}:${key}`] = area.getItem(key) ?? "";
      }
    }
    return out;
  });
}

async function expectNoTokenStored(page: Page, token: string) {
  const stored = await storage(page);
  expect(Object.keys(stored)).not.toContain(`local:${AUTH_KEY}`);
  expect(Object.keys(stored)).not.toContain(`session:${AUTH_KEY}`);
  for (const [key, value] of Object.entries(stored)) {
    expect(value.includes(token), `${key} holds the token`).toBe(false);
  }
}

/** A GraphQL call straight to the station (no browser), as `token` when given. */
async function stationGraphql<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(`${stationUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`station GraphQL: ${JSON.stringify(body)}`);
  return body.data;
}

/**
 * Makes one of kana's seeded J-pop favorites the current song: requested through the station's own
 * GraphQL, then played at once. Moves the station on by one song only, so later test files see
 * about the same rotation as without this file.
 */
async function playAFavoriteOfKana() {
  const { login } = await stationGraphql<{ login: { token: string } }>(
    "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
    { u: KANA.username, p: KANA.password },
  );
  const { user } = await stationGraphql<{
    user: { favorites: { favorites: { song: { id: number; title: string } }[] } };
  }>(
    '{ user(username: "@me") { favorites(kpop: false) { favorites { song { id title } } } } }',
    {},
    login.token,
  );
  const { stations } = await station.state();
  const song = user.favorites.favorites.map((f) => f.song).find((s) => s.id !== stations.jpop.song.id);
  if (!song) throw new Error("kana has no J-pop favorite to play");
  await stationGraphql(
    "mutation($id: Int!) { requestSong(id: $id, kpop: false) { id } }",
    { id: song.id },
    login.token,
  );
  await station.next("jpop");
  expect((await station.state()).stations.jpop.song.id).toBe(song.id);
  return song;
}

async function favoritesOf(username: string) {
  return (await station.state()).favorites[username] ?? [];
}

describe("accounts", () => {
  it("logs in without two-factor: name, avatar, favorite count, and the gateway re-identifies", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await identifiedWith("");
    const seeded = (await favoritesOf(KANA.username)).length;

    await logInAsKana(page);
    const header = account(page);
    const avatar = header.getByRole("img", { name: `Avatar of ${KANA.displayName}` });
    await eventually(
      () => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      "the avatar loads",
    );
    await signedInAs(page, KANA.displayName, seeded);
    expect(await header.getByRole("button", { name: "Log out" }).isVisible()).toBe(true);
    expect(await loginButton(page).count()).toBe(0);

    // The remembered token is the one the new socket identified with, and the old socket is gone.
    const stored = JSON.parse((await storage(page))[`local:${AUTH_KEY}`] ?? "{}") as { token?: string };
    expect(stored.token).toBeTruthy();
    await identifiedWith(`Bearer ${stored.token}`);

    await screenshot(page, "logged-in-desktop");
    await page.setViewportSize(VIEWPORTS.phone);
    await signedInAs(page, KANA.displayName, seeded);
    await screenshot(page, "logged-in-phone");
    expect(errors).toEqual([]);
    await close();
  });

  it("logs in with two-factor: a wrong code keeps the code step, the right one logs in", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl, VIEWPORTS.phone);
    const dialog = await submitPassword(page, MIKA.username, MIKA.password);
    const code = dialog.getByRole("textbox", { name: "Two-factor code" });
    await code.waitFor({ timeout: 10_000 });
    expect(await dialog.getByRole("textbox", { name: "Password" }).count()).toBe(0);
    await screenshot(page, "two-factor-phone");

    await code.fill("000000");
    await dialog.getByRole("button", { name: "Verify" }).click();
    const alert = dialog.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/code didn't work/i);
    expect(await code.isVisible()).toBe(true);
    expect(await account(page).count()).toBe(0);

    await code.fill(MIKA.code);
    await dialog.getByRole("button", { name: "Verify" }).click();
    await signedInAs(page, MIKA.displayName, (await favoritesOf(MIKA.username)).length);
    await dialog.waitFor({ state: "detached", timeout: 5_000 });
    await identifiedWith(/^Bearer \S+$/);
    expect(errors).toEqual([]);
    await close();
  });

  it("says so on a wrong password, keeps the username and clears the password", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    const dialog = await submitPassword(page, KANA.username, "not-the-password");
    const alert = dialog.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/don't match/i);
    expect(await dialog.getByRole("textbox", { name: "Username or email" }).inputValue()).toBe(KANA.username);
    expect(await dialog.getByRole("textbox", { name: "Password" }).inputValue()).toBe("");
    expect(await account(page).count()).toBe(0);
    await screenshot(page, "wrong-password-desktop");
    expect(errors).toEqual([]);
    await close();
  });

  it("shows and toggles favorites on now playing and history, in step with the station", async () => {
    const favorite = await playAFavoriteOfKana();
    const { page, errors, close } = await openPlayer(browser, appUrl);
    const graphql = watchGraphql(page);
    await logInAsKana(page);
    const seeded = await favoritesOf(KANA.username);
    await signedInAs(page, KANA.displayName, seeded.length);
    const nowPlaying = page.getByRole("region", { name: "Now playing" });
    const history = page.getByRole("region", { name: "History" });
    const heartIn = (region: Locator, title: string | null) =>
      region.getByRole("button", { name: `Favorite ${title}`, exact: true });
    const pressed = async (region: Locator, title: string | null, expected: boolean, what: string) =>
      eventually(
        async () => (await heartIn(region, title).getAttribute("aria-pressed")) === String(expected),
        `${what}: the heart for "${title}" has aria-pressed=${expected}`,
      );

    // A seeded favorite is playing: its heart is pressed.
    await pressed(nowPlaying, favorite.title, true, "now playing");

    // It finishes: the next song's heart and every history row (the favorite among them) agree with the station.
    await station.next("jpop");
    const { stations } = await station.state();
    const current = stations.jpop.song;
    await heartIn(nowPlaying, current.title).waitFor({ timeout: 10_000 });
    await pressed(nowPlaying, current.title, seeded.includes(current.id), "now playing");
    const played = stations.jpop.lastPlayed;
    expect(played[0]?.id).toBe(favorite.id);
    await eventually(
      async () => (await history.getByRole("listitem").first().textContent())?.includes(favorite.title),
      "the favorite moves into history",
    );
    expect(await history.getByRole("button", { name: /^Favorite / }).count()).toBe(
      await history.getByRole("listitem").count(),
    );
    for (const { id, title } of played) await pressed(history, title, seeded.includes(id), "history");

    // Toggle the now-playing song twice: the button, the station and the header count follow.
    let count = seeded.length;
    for (let i = 0; i < 2; i++) {
      const was = (await favoritesOf(KANA.username)).includes(current.id);
      await heartIn(nowPlaying, current.title).click();
      await pressed(nowPlaying, current.title, !was, "after a click");
      await eventually(
        async () => (await favoritesOf(KANA.username)).includes(current.id) === !was,
        `the station ${was ? "drops" : "adds"} the favorite`,
      );
      count += was ? -1 : 1;
      await signedInAs(page, KANA.displayName, count);
    }

    // A history row's heart works the same way.
    await heartIn(history, favorite.title).click();
    await pressed(history, favorite.title, false, "history after a click");
    await eventually(
      async () => !(await favoritesOf(KANA.username)).includes(favorite.id),
      "the station drops the history favorite",
    );
    await signedInAs(page, KANA.displayName, count - 1);

    // Settled: no late reconcile flips anything back. The reconcile is the check each toggle asks for
    // once it settles (favorites.ts, onSettled); once the one after the third toggle is answered and
    // the page has drawn a frame since, anything it would flip is flipped.
    await eventually(() => {
      const toggles = graphql.answered.flatMap((operation, i) => (operation === "favoriteSong" ? [i] : []));
      return toggles.length === 3 && graphql.answered.slice(toggles[2] + 1).includes("checkFavorite");
    }, "the check after the last toggle is answered");
    await animationFrames(page);
    expect(await heartIn(history, favorite.title).getAttribute("aria-pressed")).toBe("false");
    expect(await heartIn(nowPlaying, current.title).getAttribute("aria-pressed")).toBe(
      String(seeded.includes(current.id)),
    );
    const byId = (a: number, b: number) => a - b;
    expect((await favoritesOf(KANA.username)).sort(byId)).toEqual(
      seeded.filter((id) => id !== favorite.id).sort(byId),
    );
    expect(errors).toEqual([]);
    await close();
  });

  it("keeps a remembered login across a reload", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await logInAsKana(page, true);
    const token = await tokenOnTheGateway();
    await page.reload();
    await signedInAs(page, KANA.displayName);
    expect(await loginButton(page).count()).toBe(0);
    await identifiedWith(`Bearer ${token}`);
    expect(errors).toEqual([]);
    await close();
  });

  it("forgets a login without Remember me on reload, and never stores its token", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await logInAsKana(page, false);
    const token = await tokenOnTheGateway();
    await expectNoTokenStored(page, token);

    await page.reload();
    await loginButton(page).waitFor({ timeout: 10_000 });
    expect(await account(page).count()).toBe(0);
    await identifiedWith("");
    await expectNoTokenStored(page, token);
    expect(errors).toEqual([]);
    await close();
  });

  it("logs out: back to Log in, the gateway re-identifies anonymously, no token left", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await logInAsKana(page, true);
    const token = await tokenOnTheGateway();

    await account(page).getByRole("button", { name: "Log out" }).click();
    await loginButton(page).waitFor({ timeout: 5_000 });
    expect(await account(page).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Favorite / }).count()).toBe(0);
    await identifiedWith("");
    await expectNoTokenStored(page, token);
    expect(errors).toEqual([]);
    await close();
  });

  it("ends a revoked session on reload with a visible message", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await logInAsKana(page, true);
    const token = await tokenOnTheGateway();

    await station.fault({ type: "revoke-tokens" });
    await page.reload();
    const alert = await alertSaying(page, /session expired/i);
    await loginButton(page).waitFor({ timeout: 5_000 });
    expect(await account(page).count()).toBe(0);
    await identifiedWith("");
    await expectNoTokenStored(page, token);
    await screenshot(page, "session-expired-desktop");
    await page.setViewportSize(VIEWPORTS.phone);
    await alert.waitFor();
    await screenshot(page, "session-expired-phone");
    expect(errors).toEqual([]);
    await close();
  });

  it("ends the session when a favorite toggle is refused as unauthorized", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await logInAsKana(page, true);
    const token = await tokenOnTheGateway();
    const { stations } = await station.state();
    const heart = page
      .getByRole("region", { name: "Now playing" })
      .getByRole("button", { name: `Favorite ${stations.jpop.song.title}`, exact: true });
    await heart.waitFor({ timeout: 5_000 });
    const before = await favoritesOf(KANA.username);

    // Only the toggle is refused: a revoked token would also fail any background call (a refetch of
    // the account, a favorite check), which can end the session before the click and race the test.
    await station.fault({ type: "operation", field: "favoriteSong", error: "unauthenticated" });
    await heart.click();
    await alertSaying(page, /session expired/i);
    await loginButton(page).waitFor({ timeout: 5_000 });
    expect(await account(page).count()).toBe(0);
    expect(await heart.count()).toBe(0);
    expect(await favoritesOf(KANA.username)).toEqual(before);
    await identifiedWith("");
    await expectNoTokenStored(page, token);
    expect(errors).toEqual([]);
    await close();
  });

  it("explains a GraphQL 500 during login, and a retry works once the server is back", async () => {
    const { page, errors, close } = await openPlayer(browser, appUrl);
    await station.fault({ type: "graphql", mode: "500" });
    const dialog = await submitPassword(page, KANA.username, KANA.password);
    const alert = dialog.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toMatch(/problem on its side/i);
    expect(await alert.textContent()).not.toMatch(/don't match/i);
    expect(await account(page).count()).toBe(0);
    expect(await dialog.getByRole("textbox", { name: "Username or email" }).inputValue()).toBe(KANA.username);

    await station.clear();
    await dialog.getByRole("textbox", { name: "Password" }).fill(KANA.password);
    await dialog.getByRole("button", { name: "Log in", exact: true }).click();
    await signedInAs(page, KANA.displayName);
    expect(errors).toEqual([]);
    await close();
  });
});
