import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Each test gets fresh modules, so the engine's chunk is "not in yet" when Play is pressed.
async function freshSession() {
  vi.resetModules();
  const session = await import("../audio-session");
  const store = await import("../player-store");
  const dispose = session.startAudioSession({ window, document }, "jpop");
  return { ...session, ...store, dispose };
}

const audioElements = () => document.querySelectorAll("audio");

beforeEach(() => {
  // jsdom has no media pipeline: play() resolves and nothing else happens.
  vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the audio session before its engine is in", () => {
  it("answers Play at once and plays when the engine arrives", async () => {
    const { playRequested, getPlayerState, dispose } = await freshSession();
    playRequested();
    expect(getPlayerState().status).toBe("connecting");
    await vi.waitFor(() => expect(audioElements()).toHaveLength(1));
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
    dispose();
    expect(audioElements()).toHaveLength(0);
  });

  it("calls play() within the press on the element the engine then plays (Safari's gesture rule)", async () => {
    const { playRequested, dispose } = await freshSession();
    playRequested();
    // Before playRequested returned: one element, play() called on it, and no stream asked for yet.
    expect(audioElements()).toHaveLength(1);
    const pressed = audioElements()[0];
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
    expect(vi.mocked(HTMLMediaElement.prototype.play).mock.contexts[0]).toBe(pressed);
    expect(pressed.getAttribute("src")).toBeNull();
    // The engine arrives and starts the stream on that same element; no second one is made.
    await vi.waitFor(() => expect(pressed.getAttribute("src")).toMatch(/^https:\/\/listen\.moe\//));
    expect([...audioElements()]).toEqual([pressed]);
    expect(vi.mocked(HTMLMediaElement.prototype.play).mock.contexts.at(-1)).toBe(pressed);
    dispose();
    expect(audioElements()).toHaveLength(0);
  });

  it("drops a Play that Stop (or the toggle) took back before the engine arrived", async () => {
    for (const takeBack of ["stop", "toggle"] as const) {
      const session = await freshSession();
      session.playRequested();
      if (takeBack === "stop") session.stopRequested();
      else session.togglePlayback();
      expect(session.getPlayerState().status).toBe("stopped");
      // The chunk still arrives (warming it is harmless); the element made by the press stays empty
      // and paused: no stream is asked for and nothing plays.
      session.audioWanted();
      await import("../audio-engine");
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect([...audioElements()].map((audio) => audio.getAttribute("src"))).toEqual([null]);
      expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
      expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled();
      session.dispose();
      vi.mocked(HTMLMediaElement.prototype.play).mockClear();
    }
  });

  it("makes nothing once disposed, even if the engine arrives later", async () => {
    const { playRequested, dispose, getPlayerState } = await freshSession();
    playRequested();
    dispose();
    await import("../audio-engine");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(audioElements()).toHaveLength(0);
    expect(getPlayerState().status).toBe("stopped");
  });

  it("plays within the press once the engine is in", async () => {
    const { playRequested, audioWanted, dispose } = await freshSession();
    audioWanted();
    await import("../audio-engine");
    await new Promise((resolve) => setTimeout(resolve, 0));
    playRequested();
    // Warmed: the element is made and play() called before playRequested returns.
    expect(audioElements()).toHaveLength(1);
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalled();
    dispose();
  });
});
