import { describe, expect, it } from "vitest";
import { advancesBy, audioState, expectNoPageErrors, registerScenarios } from "./scenarios";
import { expectMusic } from "./sound";
import { setUpEngineSuite } from "./suite";

const suite = setUpEngineSuite("firefox");
const NO_OUTPUT = "No audio output — check your sound device";

describe("firefox", () => {
  registerScenarios(suite);

  it("says there is no audio output when the device is unplugged mid-play, and plays again when it is back", {
    timeout: 150_000,
  }, async () => {
    const requests = async () =>
      (await suite.station.state()).audio.requests.filter((r) => r.path === "/stream").length;
    const page = await suite.open();
    try {
      await (await page.find({ role: "button", name: "Play" })).click();
      await advancesBy(page, 1.5);
      const before = await requests();

      await suite.sound.unplugSink();
      await page.find({ text: NO_OUTPUT }, 20_000);
      expect((await audioState(page)).src).toBe("");
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(await requests()).toBe(before); // waiting for the device, not reloading

      await suite.sound.plugSink();
      await page.find({ text: "Playing" }, 60_000);
      await advancesBy(page, 1.5);
      expect(await requests()).toBe(before + 1); // one reload, once the device was back
      expectMusic(await suite.sound.record(3_000));
      expect((await audioState(page)).src).toContain("/stream"); // still Vorbis
      await expectNoPageErrors(page);
    } finally {
      await suite.sound.plugSink();
    }
  });
});
