import { act } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { loggedIn } from "@/features/auth/auth-store";
import { connectionChanged } from "@/features/gateway/connection-store";
import { trackUpdated } from "@/features/now-playing/now-playing-store";
import { playRequested } from "@/features/player/audio-session";
import { sleepTimerChanged } from "@/features/player/player-store";
import { stationSelected } from "@/features/station/station-store";
import { createQueryClient } from "@/lib/query-client";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import { startSession } from "../session";

/** A WebSocket that never connects anywhere and remembers whether it was closed. */
class CountedSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static made: CountedSocket[] = [];
  readyState = CountedSocket.CONNECTING;
  onopen = null;
  onmessage = null;
  onclose = null;
  onerror = null;
  constructor(readonly url: string) {
    CountedSocket.made.push(this);
  }
  send() {}
  close() {
    this.readyState = CountedSocket.CLOSED;
  }
}

/** Tracks listeners added to and removed from a target; returns the ones still attached. */
function trackListeners(target: EventTarget) {
  const live = new Map<string, Set<unknown>>();
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  vi.spyOn(target, "addEventListener").mockImplementation((type, listener, options) => {
    live.set(type, (live.get(type) ?? new Set()).add(listener));
    add(type, listener, options);
  });
  vi.spyOn(target, "removeEventListener").mockImplementation((type, listener, options) => {
    live.get(type)?.delete(listener);
    remove(type, listener, options);
  });
  return () => [...live].filter(([, listeners]) => listeners.size > 0).map(([type]) => type);
}

beforeEach(() => {
  CountedSocket.made = [];
  vi.stubGlobal("WebSocket", CountedSocket);
  // jsdom has no media pipeline: play() resolves and nothing else happens.
  vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
  vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the session root", () => {
  it("leaves no socket, timer, listener or audio element behind once disposed", async () => {
    vi.useFakeTimers();
    const windowListeners = trackListeners(window);
    const documentListeners = trackListeners(document);
    const baselineTimers = vi.getTimerCount();

    const session = startSession({ window, createQueryClient: () => createQueryClient({ retry: false }) });
    await act(async () => {
      await session.ready;
      // Everything a visit sets going: a song (islands and their query session), a login, a station
      // switch, playback with a sleep timer, a reconnect.
      trackUpdated("jpop", parsedTrackUpdate(trackUpdate(rawSong(1, "First"))));
      loggedIn("session.jwt", false);
      stationSelected("kpop");
      playRequested();
      // The audio machinery is a chunk of its own: the press makes the element, the engine (once its
      // chunk is in) starts the stream on it.
      await vi.waitFor(() => expect(document.querySelector("audio")?.getAttribute("src")).toBeTruthy());
      sleepTimerChanged(Date.now() + 60 * 60_000);
      connectionChanged({ kind: "live", station: "kpop" });
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(CountedSocket.made.length).toBeGreaterThan(0);
    expect(document.querySelectorAll("audio")).toHaveLength(1);
    expect(vi.getTimerCount()).toBeGreaterThan(baselineTimers);
    expect(windowListeners().length).toBeGreaterThan(0);

    session.dispose();

    expect(CountedSocket.made.filter((socket) => socket.readyState !== CountedSocket.CLOSED)).toEqual([]);
    expect(vi.getTimerCount()).toBe(baselineTimers);
    expect(windowListeners()).toEqual([]);
    expect(documentListeners()).toEqual([]);
    expect(document.querySelectorAll("audio")).toHaveLength(0);
  });

  it("starts nothing when modules are merely imported", async () => {
    vi.useFakeTimers();
    const windowListeners = trackListeners(window);
    vi.resetModules();
    await import("../app");
    await import("../session");
    expect(CountedSocket.made).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(windowListeners()).toEqual([]);
  });
});
