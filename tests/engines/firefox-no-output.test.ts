/**
 * Firefox with a sound server but no output device on it: the stream decodes, the sink fails. The
 * player must say so, not reload in a loop, and play again by itself once a device appears.
 */
import { describe, expect, it } from "vitest";
import { eventually } from "../e2e/support/station";
import { advancesBy, audioState, expectNoPageErrors } from "./scenarios";
import { loudness } from "./sound";
import { setUpEngineSuite } from "./suite";

const suite = setUpEngineSuite("firefox", { withSink: false });
const NO_OUTPUT = "No audio output — check your sound device";

async function streamRequests() {
  return (await suite.station.state()).audio.requests.filter((r) => r.path === "/stream").length;
}

describe("firefox without a sound device", () => {
  it("says there is no audio output, waits without reloading, and plays when the device comes back", {
    timeout: 300_000,
  }, async () => {
    const page = await suite.open();
    await (await page.find({ role: "button", name: "Play" })).click();
    await page.find({ text: NO_OUTPUT }, 20_000);
    await page.find({ role: "button", name: "Stop" }); // still "listening": Stop stays offered
    expect((await audioState(page)).src).toBe(""); // the useless stream is dropped

    // No reload loop: no stream request while the device stays away.
    const requests = await streamRequests();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(await streamRequests()).toBe(requests);
    expect(await page.count({ text: NO_OUTPUT })).toBe(1);

    await suite.sound.plugSink();
    // Firefox itself takes up to about a minute to notice a device when it started without any (its
    // own Web Audio contexts stay suspended until then); the player follows within one probe.
    await page.find({ text: "Playing" }, 120_000);
    await advancesBy(page, 1.5);
    await eventually(async () => (await suite.sound.playingStreams()) >= 1, "a stream plays into PulseAudio");
    expect(await streamRequests()).toBe(requests + 1);
    expect(loudness(await suite.sound.record(2_000)).soundingShare).toBeGreaterThan(0.8);

    // Lost mid-play, then back again.
    await suite.sound.unplugSink();
    await page.find({ text: NO_OUTPUT }, 20_000);
    await suite.sound.plugSink();
    await page.find({ text: "Playing" }, 60_000);
    await advancesBy(page, 1);

    // Vorbis was never the problem: it is not marked as undecodable.
    const stored = await page.evaluate(() => localStorage.getItem("lm.player.v1"));
    expect(JSON.parse(stored ?? "{}").formatBroken ?? null).toBeNull();
    expect((await audioState(page)).src).toContain("/stream");
    await expectNoPageErrors(page);
  });
});
