/**
 * The shipped nginx front (deploy/nginx/) in front of the same build as `npm start`, smoke-tested in
 * Chromium against the local station: first song, station switch, deep-link reload on /kpop, login and
 * a favorite through its /graphql proxy, and the same headers as `npm start` on the real build.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startNginx } from "../nginx/start-nginx.mjs";
import { openPlayer } from "./support/browser";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite({ favorites: true, tokens: true });
const { appUrl, station } = suite;
const KANA = { username: "kana", password: "kana-password", displayName: "Kana" };
const SECURITY = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

let front: Awaited<ReturnType<typeof startNginx>>;
beforeAll(async () => {
  front = await startNginx({ dist: inject("distDir") });
});
afterAll(async () => {
  await front?.close();
});

function title(page: Page) {
  return page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
}

async function showsSongOf(page: Page, key: "jpop" | "kpop") {
  await eventually(
    async () => (await title(page).textContent()) === (await station.state()).stations[key].song.title,
    `the ${key} song shows`,
    15_000,
  );
}

describe("the nginx front", () => {
  it("plays the first song, switches station, and reloads a /kpop deep link", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, front.url);
    await showsSongOf(page, "jpop");
    await page.getByRole("status", { name: "Connection" }).getByText("Live").waitFor({ timeout: 15_000 });

    await page.getByRole("tab", { name: "K-pop" }).click();
    await showsSongOf(page, "kpop");
    expect(new URL(page.url()).pathname).toBe("/kpop");

    await page.reload();
    await showsSongOf(page, "kpop");
    expect(await page.getByRole("tab", { name: "K-pop" }).getAttribute("aria-selected")).toBe("true");
    expect(errors).toEqual([]);
    await close();
  });

  it("logs in and toggles a favorite through its /graphql proxy", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, front.url);
    const proxied: number[] = [];
    page.on("response", (response) => {
      if (response.url() === `${front.url}/graphql`) proxied.push(response.status());
    });
    await showsSongOf(page, "jpop");

    await page.getByRole("button", { name: "Log in", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Username or email" }).fill(KANA.username);
    await dialog.getByRole("textbox", { name: "Password" }).fill(KANA.password);
    await dialog.getByRole("checkbox", { name: "Remember me" }).setChecked(false);
    await dialog.getByRole("button", { name: "Log in", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 15_000 });
    const account = page.getByRole("region", { name: "Account" });
    await account.getByText(KANA.displayName, { exact: true }).waitFor({ timeout: 15_000 });

    const { id, title: songTitle } = (await station.state()).stations.jpop.song;
    const favorites = async () => (await station.state()).favorites[KANA.username] ?? [];
    const was = (await favorites()).includes(id);
    const heart = page
      .getByRole("region", { name: "Now playing" })
      .getByRole("button", { name: `Favorite ${songTitle}`, exact: true });
    await heart.click();
    await eventually(
      async () => (await favorites()).includes(id) === !was,
      `the station ${was ? "drops" : "adds"} the favorite`,
    );
    await eventually(
      async () => (await heart.getAttribute("aria-pressed")) === String(!was),
      "the heart follows",
    );
    expect(proxied.length).toBeGreaterThan(0);
    expect(proxied.every((status) => status === 200)).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it("sends the same headers as npm start for the page, its routes, the worker and the assets", async () => {
    const html = await (await fetch(`${appUrl}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1] ?? "");
    expect(assets.length).toBeGreaterThan(0);
    const names = [...SECURITY, "cache-control", "content-type"];
    for (const path of [
      "/",
      "/kpop",
      "/kpop/favorites",
      "/index.html",
      "/sw.js",
      "/manifest.webmanifest",
      ...assets,
    ]) {
      const [fromNode, fromNginx] = await Promise.all([
        fetch(`${appUrl}${path}`),
        fetch(`${front.url}${path}`),
      ]);
      const headers = (response: Response) =>
        Object.fromEntries(names.map((n) => [n, response.headers.get(n)]));
      expect(fromNginx.status, path).toBe(fromNode.status);
      expect(headers(fromNginx), path).toEqual(headers(fromNode));
      expect(await fromNginx.text(), path).toBe(await fromNode.text());
    }
  });
});
