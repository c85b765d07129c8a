import { describe, expect, it } from "vitest";
import { openPlayer, screenshot } from "./support/browser";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite();
const { appUrl, station } = suite;

async function socketsOpen() {
  return (await station.state()).sockets;
}

describe("switching stations", () => {
  it("goes to K-pop and back with one socket open at a time", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    const title = page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
    await title.waitFor();
    await eventually(async () => (await socketsOpen()).jpop === 1, "one J-pop socket");

    await page.getByRole("tab", { name: "K-pop" }).click();
    const { stations } = await station.state();
    await eventually(
      async () => (await title.textContent()) === stations.kpop.song.title,
      "the K-pop song shows",
    );
    expect(await page.getByRole("tab", { name: "K-pop" }).getAttribute("aria-selected")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/kpop");
    await eventually(async () => {
      const s = await socketsOpen();
      return s.kpop === 1 && s.jpop === 0 && s.total === 1;
    }, "only the K-pop socket is open");
    await screenshot(page, "kpop-desktop");

    await page.getByRole("tab", { name: "J-pop" }).click();
    // The cached J-pop song shows at once, before its socket even answers.
    expect(await title.textContent()).toBe(stations.jpop.song.title);
    await eventually(async () => {
      const s = await socketsOpen();
      return s.jpop === 1 && s.total === 1;
    }, "only the J-pop socket is open");
    expect(errors).toEqual([]);
    await close();
  });

  it("keeps K-pop after a reload on /kpop", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, `${appUrl}/kpop`);
    const { stations } = await station.state();
    const title = page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
    await eventually(
      async () => (await title.textContent()) === stations.kpop.song.title,
      "K-pop song on load",
    );
    await page.reload();
    await eventually(
      async () => (await title.textContent()) === stations.kpop.song.title,
      "K-pop song after reload",
    );
    expect(await page.getByRole("tab", { name: "K-pop" }).getAttribute("aria-selected")).toBe("true");
    expect(errors).toEqual([]);
    await close();
  });
});
