/** Talks to the local station's control API (tests/station) from e2e tests. */

type Station = "jpop" | "kpop";

export interface StationSnapshot {
  stations: Record<
    Station,
    {
      song: { id: number; title: string | null };
      /** The song's romanised title: in the station's catalogue and the API, never on the gateway. */
      titleRomaji: string | null;
      /** The songs before the current one, most recent first. */
      lastPlayed: { id: number; title: string | null }[];
      listeners: number;
      /** The station event on air, if any. */
      event: { name: string } | null;
    }
  >;
  sockets: { jpop: number; kpop: number; total: number };
  audio: { open: Record<string, number>; requests: { path: string; query: string; at: string }[] };
  images: string[];
  /** The gateway's connection log (open sockets and recently closed ones). */
  connections: GatewayConnection[];
  /** Favorite song ids per username. */
  favorites: Record<string, number[]>;
}

export interface GatewayConnection {
  id: number;
  station: Station;
  openedAt: string;
  closedAt: string | null;
  closeCode: number | null;
  /** The first frame the client sent, as text. */
  firstFrame: string | null;
  /** Frames the station sent on this socket. */
  framesSent: number;
}

export function stationControl(baseUrl: string) {
  async function call<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/__control/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`station control ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return {
    state: () => call<StationSnapshot>("state"),
    next: (station: Station) => call("next", { station }),
    fault: (fault: { type: string; [key: string]: unknown }) => call("fault", fault),
    clear: () => call("clear", {}),
    /** Broadcasts one crafted TRACK_UPDATE (see tests/station/inject.mjs). */
    inject: (spec: { station: Station; [key: string]: unknown }) => call("inject", spec),
    /**
     * Clears faults and logs; `favorites` restores the seeded favorites, `tokens` revokes every login,
     * `requests` forgets the day's request counts and empties both request queues.
     */
    reset: (options: { favorites?: boolean; tokens?: boolean; requests?: boolean } = {}) =>
      call("reset", options),
    config: (config: {
      heartbeatMs?: number;
      speed?: number;
      autoAdvance?: boolean;
      startTime?: "start" | "end";
    }) => call("config", config),
  };
}

/** Poll until `check` returns a truthy value, or fail after `timeoutMs` with `message`. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  /** What was awaited; a function is read at the timeout, so it can say what was last seen. */
  message: string | (() => string),
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms: ${typeof message === "function" ? message() : message}${last ? ` (last error: ${String(last)})` : ""}`,
  );
}
