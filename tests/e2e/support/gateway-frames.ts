/**
 * Knowing that the page has handled the gateway frames the station sent, not only that they were sent.
 * An init script counts, per WebSocket, the messages handed to the page's own code; the station's
 * connection log counts the frames it sent. Once the page's count reaches the station's, every one of
 * those frames has been through the app's `onmessage` (our listener is registered first, in the same
 * dispatch). A negative check ("this frame changed nothing") then needs no fixed wait.
 */
import type { Page } from "playwright-core";
import { animationFrames } from "./browser";
import { eventually } from "./station";

type FramesWindow = Window & { __gatewayFrames: number[] };

/** Init script: wraps WebSocket so that each socket counts the messages it delivers. */
export function countGatewayFrames() {
  const w = window as unknown as FramesWindow & { WebSocket: typeof WebSocket };
  const counts: number[] = [];
  w.__gatewayFrames = counts;
  const Native = w.WebSocket;
  w.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const index = counts.push(0) - 1;
      this.addEventListener("message", () => {
        counts[index]++;
      });
    }
  };
}

/** What the helper needs of either station client (support/station.ts or soak/observe.mjs). */
interface StationLog {
  state(): Promise<{ connections: { closedAt: string | null; framesSent: number }[] }>;
}

/**
 * Resolves once the page's newest socket has delivered to the app every frame the station sent on its
 * one open socket, and the app's frame coalescer (one delivery per animation frame,
 * src/lib/frame-coalescer.ts) and React have had animation frames to put them on screen. Both sides
 * are read afresh on every poll, so a reconnect meanwhile is followed rather than waited out.
 */
export async function pageHandledFrames(page: Page, station: StationLog, timeoutMs = 10_000) {
  let last = "";
  await eventually(
    async () => {
      const open = (await station.state()).connections.filter((c) => c.closedAt === null);
      const handled = await page.evaluate(
        () => (window as unknown as FramesWindow).__gatewayFrames?.at(-1) ?? 0,
      );
      last = `station sockets open: ${open.map((c) => c.framesSent).join(", ")}; page handled ${handled}`;
      return open.length === 1 && handled >= open[0].framesSent;
    },
    () => `the page handles every frame the station sent (${last})`,
    timeoutMs,
  );
  // The coalescer delivers at the next animation frame; a callback queued now runs after its own.
  await animationFrames(page);
}
