/**
 * Firefox with a sound server but no output device on it from the start: the stream decodes, the sink
 * fails. The player must say so and not reload in a loop. (Whether it plays once a device appears is
 * tested in firefox.test.ts, where the device is unplugged mid-play: a Firefox that started with no
 * device at all takes anywhere from seconds to minutes to notice a new one, its own Web Audio
 * contexts staying suspended until then.)
 */
import { describe, expect, it } from "vitest";
import { audioState, expectNoPageErrors } from "./scenarios";
import { setUpEngineSuite } from "./suite";

const suite = setUpEngineSuite("firefox", { withSink: false });
const NO_OUTPUT = "No audio output — check your sound device";

async function streamRequests() {
  return (await suite.station.state()).audio.requests.filter((r) => r.path === "/stream").length;
}

describe("firefox without a sound device", () => {
  it("says there is no audio output and waits without reloading; Stop still stops", async () => {
    const page = await suite.open();
    await (await page.find({ role: "button", name: "Play" })).click();
    await page.find({ text: NO_OUTPUT }, 20_000);
    expect((await audioState(page)).src).toBe(""); // the useless stream is dropped

    // No reload loop: no stream request while the device stays away.
    const requests = await streamRequests();
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    expect(await streamRequests()).toBe(requests);
    expect(await page.count({ text: NO_OUTPUT })).toBe(1);

    // Still "listening" as far as the listener is concerned: Stop is offered, and stops.
    await (await page.find({ role: "button", name: "Stop" })).click();
    await page.find({ text: "Stopped" });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await streamRequests()).toBe(requests);

    // Vorbis was never the problem: it is not marked as undecodable.
    const stored = await page.evaluate(() => localStorage.getItem("lm.player.v1"));
    expect(JSON.parse(stored ?? "{}").formatBroken ?? null).toBeNull();
    await expectNoPageErrors(page);
  });
});
