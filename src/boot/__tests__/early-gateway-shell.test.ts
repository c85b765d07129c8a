/**
 * What index.html's gateway bootstrap paints into the static shell before the app has loaded: the
 * title and the event on air, from the offline snapshot at once and from the live frame when it
 * comes, and nothing for a value it cannot show. Run on index.html's own shell markup.
 */
import { ws } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { gatewayUrl } from "@/lib/config";
import { runEarlyGateway } from "@/testing/early-gateway";
import { rawSong, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import indexHtml from "../../../index.html?raw";

const SNAPSHOT_KEY = "lm.now-playing.v1";

/** The gateway answers with one TRACK_UPDATE whose `d.event` is `event`; null: it never answers. */
function gatewaySends(event: unknown) {
  server.use(
    ws.link(gatewayUrl("jpop")).addEventListener("connection", ({ client }) => {
      if (event === null) return;
      client.send(welcome(10_000));
      client.send(JSON.stringify({ op: 1, t: "TRACK_UPDATE", d: { song: rawSong(7, "Live song"), event } }));
    }),
  );
}

function shell() {
  const title = document.getElementById("lm-shell-title");
  const event = document.getElementById("lm-shell-event");
  return {
    title: title?.hidden ? null : title?.textContent,
    event: event?.hidden ? null : event?.textContent?.trim(),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(indexHtml)?.[1] ?? "";
});
afterEach(() => {
  const early = (window as { __lmEarlyGateway?: { release(): void; socket: WebSocket } }).__lmEarlyGateway;
  early?.release();
  early?.socket.close();
  (window as { __lmEarlyGateway?: unknown }).__lmEarlyGateway = undefined;
  localStorage.clear();
  document.body.innerHTML = "";
});

describe("the shell the bootstrap paints", () => {
  it.each<[string, unknown, string | null]>([
    ["an event on air", { name: "Summer Matsuri", slug: "summer", image: null }, "Event: Summer Matsuri"],
    ["no event", null, null],
    ["an event with a blank name", { name: "   " }, null],
    ["an event whose name is not text", { name: 42 }, null],
    ["an event that is not an object", "Summer", null],
  ])("shows the live title with %s", async (_, event, expected) => {
    gatewaySends(event === null ? undefined : event);
    runEarlyGateway();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(shell()).toEqual({ title: "Live song", event: expected });
  });

  it("shows a returning visitor the stored song and its event while the gateway is silent", async () => {
    localStorage.setItem(
      SNAPSHOT_KEY,
      JSON.stringify({
        jpop: { update: { song: rawSong(3, "Stored song"), event: { name: "Night Shift" } } },
      }),
    );
    gatewaySends(null);
    runEarlyGateway();
    await vi.advanceTimersByTimeAsync(0);
    expect(shell()).toEqual({ title: "Stored song", event: "Event: Night Shift" });
  });
});
