/**
 * What the real LISTEN.moe sends, as the station now sends it (issue 14): event art as an absolute URL
 * on another host with `albums: []`, and login errors in wordings nobody has confirmed.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { loginMessages } from "../../src/features/auth/login-messages";
import { openPlayer } from "./support/browser";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite({ tokens: true });
const { appUrl, station } = suite;
const imageOrigin = inject("imageOrigin");

function nowPlaying(page: Page) {
  return page.getByRole("region", { name: "Now playing" });
}

interface EventPayload {
  song: { title: string | null; albums: unknown[] };
  event: { image: string | null } | null;
}

/** Moves the J-pop station on until its own rotation is in an event; returns that payload. */
async function untilEvent(): Promise<EventPayload> {
  for (let step = 0; step < 20; step++) {
    const payload = (await station.state()).stations.jpop as unknown as { payload: EventPayload };
    if (payload.payload.event) return payload.payload;
    await station.next("jpop");
  }
  throw new Error("the station never reached its event");
}

describe("event art", () => {
  it("shows the event image from the allowed image host as the cover of a song without albums", async () => {
    const payload = await untilEvent();
    expect(payload.song.albums, "production-shaped: the event song has no albums").toEqual([]);
    expect(new URL(payload.event?.image ?? "").origin).toBe(imageOrigin);
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    const cover = nowPlaying(page).getByRole("img", { name: /^Cover of / });
    await cover.waitFor();
    expect(await cover.getAttribute("src")).toBe(payload.event?.image);
    await eventually(
      () => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      "the event image loads (the CSP allows its host)",
    );
    expect(errors).toEqual([]);
    await close();
  });

  it("shows the placeholder for an event image on a host that is not allowed", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    const heading = nowPlaying(page).getByRole("heading", { level: 2 });
    await heading.waitFor();
    for (const [title, image] of [
      ["Allowed host", `${imageOrigin}/allowed.png`],
      ["Other host", "https://evil.example/x.png"],
    ]) {
      await station.inject({
        station: "jpop",
        song: { title, albums: [] },
        event: { id: 9, name: "Event", slug: "e", presence: null, image },
      });
      await eventually(async () => (await heading.textContent()) === title, `"${title}" shows`);
    }
    // The placeholder is decorative: no image named as the cover, and nothing requested from the host.
    expect(
      await nowPlaying(page)
        .getByRole("img", { name: /^Cover of / })
        .count(),
    ).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});

describe("login errors in wordings nobody has confirmed", () => {
  const EN = loginMessages.en;

  async function openLogin(page: Page, username: string, password: string) {
    await page.getByRole("button", { name: "Log in", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Username or email" }).fill(username);
    await dialog.getByRole("textbox", { name: "Password" }).fill(password);
    await dialog.getByRole("button", { name: "Log in", exact: true }).click();
    return dialog;
  }

  it.each([
    ["This account has been deactivated.", EN.deactivated],
    ["Account locked until tomorrow.", "Account locked until tomorrow."],
  ])("password step: %j is shown as %j, never as a wrong password", async (message, shown) => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    await station.fault({ type: "graphql", mode: "message", message, operation: "LoginMutation", count: 1 });
    const dialog = await openLogin(page, "kana", "kana-password");
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(shown);
    expect(errors).toEqual([]);
    await close();
  });

  it("two-factor step: an unclassified auth error keeps the step, shows the server's words and offers Start over", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    const dialog = await openLogin(page, "mika", "mika-password");
    const code = dialog.getByRole("textbox", { name: "Two-factor code" });
    await code.waitFor();
    await station.fault({
      type: "graphql",
      mode: "message",
      message: "Invalid authorization.",
      operation: "LoginMfaMutation",
      count: 1,
    });
    await code.fill("246810");
    await dialog.getByRole("button", { name: "Verify" }).click();
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Invalid authorization.");
    expect(await code.isVisible(), "still on the two-factor step").toBe(true);
    await dialog.getByRole("button", { name: EN.startOver }).click();
    await dialog.getByRole("textbox", { name: "Password" }).waitFor();
    expect(await dialog.getByRole("textbox", { name: "Two-factor code" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
