/**
 * The page in Korean, in Chromium: picked from a Korean browser's languages, or chosen by hand in
 * the settings from an English one. Korean glyphs must render (Debian's fonts-noto-cjk).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { openPlayer, screenshot, VIEWPORTS } from "./support/browser";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite();
const { appUrl } = suite;

/** What a Korean listener sees first: now playing, the player, the search box, in Korean. */
async function expectKoreanPage(page: Page) {
  const nowPlaying = page.getByRole("region", { name: "지금 재생 중" });
  await nowPlaying.getByRole("heading", { level: 2 }).waitFor();
  await eventually(
    async () => /청취자 [\d,]+명/.test((await nowPlaying.textContent()) ?? ""),
    "the listener count in Korean",
  );
  await page.getByRole("button", { name: "재생" }).waitFor();
  await page.getByRole("button", { name: "음소거" }).waitFor();
  await page.getByRole("slider", { name: "음량" }).waitFor();
  await page.getByRole("region", { name: "재생 기록" }).waitFor();
  await page.getByRole("tablist", { name: "채널" }).waitFor();
  await page.getByRole("button", { name: "설정" }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("ko");
  expect(await page.getByRole("button", { name: "Play" }).count()).toBe(0);
}

/**
 * Whether the page's font draws Hangul: two different syllables come out as different pixels. With no
 * Korean font both would be the same "tofu" box.
 */
function drawsHangul(page: Page) {
  return page.evaluate(() => {
    const font = getComputedStyle(document.body).font;
    const pixels = (text: string) => {
      const canvas = document.createElement("canvas");
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext("2d");
      if (!context) return "";
      context.font = font.replace(/\d+(\.\d+)?px/, "40px");
      context.fillText(text, 4, 48);
      return context.getImageData(0, 0, 64, 64).data.join(",");
    };
    const a = pixels("가");
    const b = pixels("힣");
    return a !== "" && a !== b;
  });
}

describe("Korean", () => {
  it("shows the page in Korean for a Korean browser (navigator.languages ko-KR)", async () => {
    const { page, errors } = await openPlayer(suite.browser, appUrl, VIEWPORTS.desktop, { locale: "ko-KR" });
    expect(await page.evaluate(() => navigator.languages[0])).toBe("ko-KR");
    await expectKoreanPage(page);

    const box = page.getByRole("searchbox", { name: "곡 검색" });
    await box.fill("diary");
    const results = page.getByRole("region", { name: "검색 결과" });
    await eventually(
      async () => /‘diary’ 검색 결과/.test((await results.getByRole("status").textContent()) ?? ""),
      "the search status in Korean",
    );
    expect(await drawsHangul(page)).toBe(true);
    await screenshot(page, "korean-desktop");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("switches an English page to Korean by hand in the settings, and keeps it after a reload", async () => {
    const { page } = await openPlayer(suite.browser, appUrl, VIEWPORTS.phone, { locale: "en-US" });
    await page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.getByRole("button", { name: "Settings" }).click();
    await page
      .getByRole("dialog", { name: "Settings" })
      .getByRole("combobox", { name: "Language" })
      .selectOption({
        label: "한국어",
      });
    await page.getByRole("dialog", { name: "설정" }).waitFor();
    await page.keyboard.press("Escape");
    await expectKoreanPage(page);
    await page.getByRole("searchbox", { name: "곡 검색" }).waitFor();
    await screenshot(page, "korean-phone");

    await page.reload();
    await expectKoreanPage(page);
  });
});
