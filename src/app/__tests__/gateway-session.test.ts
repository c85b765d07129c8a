import { ws } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { getDropCounts } from "@/features/gateway/connection-store";
import { gatewayUrl } from "@/lib/config";
import { rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { startGatewaySession } from "../gateway-session";

const jpop = ws.link(gatewayUrl("jpop"));
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

function withEventImage(image: string) {
  const frame = JSON.parse(trackUpdate({ ...rawSong(5, "Event song"), albums: [] }));
  return JSON.stringify({ ...frame, d: { ...frame.d, event: { id: 1, name: "E", slug: "e", image } } });
}

describe("the gateway session counts what it refuses", () => {
  it("counts an event image from a host that is not allowed as a dropped field, not a dropped frame", async () => {
    server.use(
      jpop.addEventListener("connection", ({ client }) => {
        client.send(welcome(10_000));
        client.send(withEventImage("https://i.imgur.com/G3nzMLQ.png"));
        client.send(withEventImage("https://evil.example/x.png"));
      }),
    );
    stop = startGatewaySession(window);
    await expect.poll(() => getDropCounts().droppedFields).toBe(1);
    expect(getDropCounts()).toMatchObject({
      droppedFrames: 0,
      droppedFields: 1,
      lastDroppedField: "event.image",
    });
  });
});
