import { describe, expect, it } from "vitest";
import { openPlayer, screenshot, VIEWPORTS } from "./support/browser";
import { eventually } from "./support/station";
import { setUpE2eSuite } from "./support/suite";

const suite = setUpE2eSuite();
const { appUrl, station } = suite;

/** Half the catalogue has no cover (as on LISTEN.moe); move on until the song has a cover or an event image. */
async function untilCurrentSongHasArtwork() {
  for (let step = 0; step < 60; step++) {
    const { stations } = await station.state();
    const { song, payload } = stations.jpop as unknown as {
      song: { albums: { image: string | null }[] };
      payload: { event: { image: string | null } | null };
    };
    if (song.albums.some((album) => album.image) || payload.event?.image) return;
    await station.next("jpop");
  }
  throw new Error("the station never played a song with artwork");
}

describe("a listener opens the player", () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`sees the station's song, artists, album, cover, listeners and history (${name})`, async () => {
      await untilCurrentSongHasArtwork();
      const { page, errors, failedRequests, close } = await openPlayer(suite.browser, appUrl, viewport);
      const { stations } = await station.state();
      const nowPlaying = page.getByRole("region", { name: "Now playing" });
      const title = nowPlaying.getByRole("heading", { level: 2 });
      await title.waitFor();
      expect(await title.textContent()).toBe(stations.jpop.song.title);
      expect(await page.getByRole("status", { name: "Connection" }).textContent()).toContain("Live");

      const listeners = await nowPlaying.getByText(/\d listeners?$/).textContent();
      expect(Number(listeners?.replace(/\D/g, ""))).toBeGreaterThan(0);

      const cover = nowPlaying.getByRole("img", { name: /^Cover of / });
      await eventually(
        () => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
        "the cover image loads",
      ).catch((error) => {
        throw new Error(`${error.message}; failed requests: ${failedRequests.join(", ") || "none"}`);
      });

      const history = page.getByRole("region", { name: "History" });
      expect(await history.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
      await eventually(
        async () => (await page.title()).includes(stations.jpop.song.title ?? ""),
        "the tab title names the song",
      );

      await screenshot(page, `now-playing-${name}`);
      expect(errors).toEqual([]);
      await close();
    });
  }

  it("watches the track change, and the finished song moves into history", async () => {
    const { page, errors, close } = await openPlayer(suite.browser, appUrl);
    const title = page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 });
    await title.waitFor();
    const before = await title.textContent();
    await station.next("jpop");
    const { stations } = await station.state();
    await eventually(
      async () => (await title.textContent()) === stations.jpop.song.title,
      "the new song shows",
    );
    const firstRow = page.getByRole("region", { name: "History" }).getByRole("listitem").first();
    expect(await firstRow.textContent()).toContain(before ?? "");
    expect(errors).toEqual([]);
    await close();
  });
});
