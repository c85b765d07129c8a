/**
 * The gateway socket that index.html's inline bootstrap (src/boot/early-gateway.js) opened while the
 * page was still loading, handed to the gateway client once. It is adopted only if it is for the URL
 * the client wants, identified (or about to be) as the client would identify, and still alive;
 * otherwise it is closed and the client opens its own, exactly as without the bootstrap.
 */

/** What the bootstrap leaves on `window.__lmEarlyGateway`. */
interface EarlyGateway {
  url: string;
  socket: WebSocket;
  /** The frames' data, oldest first, received before the app took over. */
  frames: unknown[];
  /** The bootstrap has sent the anonymous identify (the socket opened before the handover). */
  identified: boolean;
  /** Stops the bootstrap's own listeners and its give-up timer. */
  release(): void;
}

export interface AdoptedSocket {
  socket: WebSocket;
  frames: readonly unknown[];
  identified: boolean;
}

type WithEarlyGateway = Window & { __lmEarlyGateway?: EarlyGateway };

/** The identify the bootstrap sends: anonymous. A login needs the client's own socket. */
const BOOTSTRAP_AUTH = "";

/**
 * Takes the bootstrap's socket, once: the first call empties the slot whatever it returns.
 * Returns null when there is none, or when it does not fit `url` and `auth` (then it is closed).
 */
export function takeEarlySocket(window: Window, url: string, auth: string): AdoptedSocket | null {
  const slot = window as WithEarlyGateway;
  const early = slot.__lmEarlyGateway;
  if (!early) return null;
  slot.__lmEarlyGateway = undefined;
  early.release();
  const { socket } = early;
  const alive = socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN;
  if (alive && early.url === url && auth === BOOTSTRAP_AUTH) {
    return { socket, frames: early.frames, identified: early.identified };
  }
  try {
    if (alive) socket.close(1000, "not adopted");
  } catch {
    // Already failing: it is gone either way.
  }
  return null;
}
