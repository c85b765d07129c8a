import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { openPlayer, VIEWPORTS } from "./support/browser";
import { logInAsKana } from "./support/login";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite({ favorites: true, tokens: true });
const { appUrl } = suite;

async function ready(page: Page) {
  await page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 }).waitFor();
  await page.getByRole("region", { name: "History" }).getByRole("listitem").first().waitFor();
}

describe("accessibility (every axe-core rule up to WCAG AA, best practices included)", () => {
  it("would catch a violation (the check itself works)", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    await page.evaluate(() => document.body.append(document.createElement("button")));
    expect((await axeViolations(page)).map((v) => v.id)).toContain("button-name");
  });

  it("runs the best practices and the rules axe leaves off by default", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    await page.evaluate(() => {
      // Text outside every landmark (best practice "region"), and an id used twice ("duplicate-id",
      // off unless asked for).
      const stray = Object.assign(document.createElement("p"), { textContent: "Stray text" });
      const twins = [0, 1].map(() => Object.assign(document.createElement("span"), { id: "twin" }));
      document.body.append(stray, ...twins);
    });
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toContain("region");
    expect(ids).toContain("duplicate-id");
  });

  for (const scheme of ["dark", "light"] as const) {
    it(`has no violations on the main view, logged out (${scheme})`, async () => {
      const { page, errors } = await openPlayer(suite.browser, appUrl, VIEWPORTS.desktop, {
        colorScheme: scheme,
      });
      await ready(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  it("has no violations at phone size", async () => {
    const { page } = await openPlayer(suite.browser, `${appUrl}/kpop`, VIEWPORTS.phone);
    await ready(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations with the login dialog open, then logged in", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("dialog", { name: "Log in" }).getByLabel("Username or email").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await logInAsKana(page);
    await page
      .getByRole("button", { name: /^Favorite / })
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations with settings and the song details open", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByRole("dialog", { name: "Settings" }).getByLabel("Theme").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Song details" }).click();
    await page.getByRole("button", { name: "Copy song info" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps one main landmark, holding the panel the selected station tab controls", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    for (const name of ["J-pop", "K-pop"]) {
      const tab = page.getByRole("tab", { name });
      await tab.click();
      expect(await tab.getAttribute("aria-selected")).toBe("true");
      const panel = page.getByRole("main").getByRole("tabpanel", { name });
      expect(await panel.getAttribute("id")).toBe(await tab.getAttribute("aria-controls"));
      await panel.getByRole("region", { name: "Now playing" }).waitFor();
    }
    expect(await page.getByRole("main").count()).toBe(1);
  });

  it("works from the keyboard alone, with a visible focus ring", async () => {
    const { page } = await openPlayer(suite.browser, appUrl);
    await ready(page);
    // Tab to the K-pop tab through the header, in DOM order, and switch with the arrow key.
    await page.getByRole("tab", { name: "J-pop" }).focus();
    await page.keyboard.press("ArrowRight");
    const kpop = page.getByRole("tab", { name: "K-pop" });
    expect(await kpop.getAttribute("aria-selected")).toBe("true");
    expect(await kpop.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await kpop.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    // Space on the focused Play button starts playback; the keyboard shortcut list opens with "?".
    await page.getByRole("button", { name: "Play" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Stop" }).waitFor();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Play" }).waitFor();
    await page.keyboard.press("Shift+Slash");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
  });
});
