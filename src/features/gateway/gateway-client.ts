/**
 * The LISTEN.moe gateway connection, free of React: identify, heartbeat with an ack watchdog,
 * reconnect with backoff, one socket at a time, and a clean station switch.
 */

import { backoffDelayMs } from "@/lib/backoff";
import type { TrackUpdate } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import type { AdoptedSocket } from "./early-socket";
import { type GatewayFrame, parseFrame } from "./model/frame-schema";
import {
  AUTH_REFUSED_CLOSE_CODES,
  ackTimeoutMs,
  CLIENT_CLOSE_CODE,
  DEFAULT_HEARTBEAT_MS,
  MAX_FRAME_CHARS,
  MAX_HEARTBEAT_MS,
  MIN_HEARTBEAT_MS,
  OP,
  RECONNECT_BACKOFF,
  STABLE_CONNECTION_MS,
  WELCOME_TIMEOUT_MS,
} from "./protocol";

export type ConnectionStatus =
  | { kind: "idle" }
  | { kind: "connecting"; station: StationId }
  | { kind: "live"; station: StationId }
  | { kind: "reconnecting"; station: StationId; retryAt: number; attempt: number }
  | { kind: "offline"; station: StationId };

export interface GatewayListener {
  status(status: ConnectionStatus): void;
  track(station: StationId, payload: TrackUpdate): void;
  droppedFrame?(station: StationId, reason: string): void;
  /** A frame was used, but one of its fields was refused (e.g. "event.image" from a host not allowed). */
  droppedField?(station: StationId, field: string): void;
  closed?(station: StationId, code: number): void;
}

export interface GatewayClientOptions {
  urlFor(station: StationId): string;
  listener: GatewayListener;
  random?: () => number;
  now?: () => number;
  /** The window and document whose online/visibility events wake the client; absent in tests without DOM. */
  environment?: { window: Window; document: Document };
  /**
   * A socket already opened for `url` before the client started (index.html's bootstrap), with the
   * frames it has buffered; null to open one. Asked at every connect; it hands one over at most once.
   */
  adoptSocket?(url: string, auth: string): AdoptedSocket | null;
}

export interface GatewayClient {
  /**
   * Connect to `station`, identifying with `auth` ("" when anonymous). Re-uses a matching connection.
   * An `auth` the gateway has refused (close 4003/4004) is replaced by "" until another one is given.
   */
  start(station: StationId, auth?: string): void;
  stop(): void;
  readonly station: StationId | null;
}

type Timer = ReturnType<typeof setTimeout>;

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const { urlFor, listener } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const env = options.environment ?? (typeof window === "undefined" ? undefined : { window, document });

  let station: StationId | null = null;
  let auth = "";
  /** The token the gateway closed on; identifying with it again would only be refused again. */
  let refusedAuth: string | null = null;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let heartbeatMs = DEFAULT_HEARTBEAT_MS;
  let welcomedAt = 0;
  let lastAckAt = 0;
  let beatTimer: Timer | undefined;
  let ackTimer: Timer | undefined;
  let welcomeTimer: Timer | undefined;
  let retryTimer: Timer | undefined;

  function clearTimers() {
    clearTimeout(beatTimer);
    clearTimeout(ackTimer);
    clearTimeout(welcomeTimer);
    clearTimeout(retryTimer);
    beatTimer = ackTimer = welcomeTimer = retryTimer = undefined;
  }

  function send(frame: object) {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  /** Orphan the socket first, so nothing it does later can touch our state, then close it. */
  function detach(code = 1000, reason = "") {
    const old = socket;
    socket = null;
    clearTimers();
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      if (old.readyState === WebSocket.CONNECTING || old.readyState === WebSocket.OPEN)
        old.close(code, reason);
    } catch {
      // Closing an already-failed socket can throw in some engines; it is gone either way.
    }
  }

  function beat() {
    send({ op: OP.HEARTBEAT });
    // The deadline runs from the oldest unanswered beat: later beats must not push it back.
    ackTimer ??= setTimeout(() => dropConnection("heartbeat not acknowledged"), ackTimeoutMs(heartbeatMs));
    // The next beat is scheduled from the ack's message task (see onAck), which keeps Chrome's
    // background timer throttling from chaining; this is the fallback if the ack comes late.
    clearTimeout(beatTimer);
    beatTimer = setTimeout(beat, heartbeatMs);
  }

  function onAck() {
    lastAckAt = now();
    clearTimeout(ackTimer);
    ackTimer = undefined;
    clearTimeout(beatTimer);
    beatTimer = setTimeout(beat, heartbeatMs);
  }

  function onWelcome(frame: Extract<GatewayFrame, { kind: "welcome" }>) {
    if (!station) return;
    clearTimeout(welcomeTimer);
    const asked = frame.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    heartbeatMs = Math.min(Math.max(asked, MIN_HEARTBEAT_MS), MAX_HEARTBEAT_MS);
    welcomedAt = now();
    lastAckAt = welcomedAt;
    listener.status({ kind: "live", station });
    beat();
  }

  function handleMessage(data: unknown) {
    if (!station) return;
    const frame = parseFrame(data, MAX_FRAME_CHARS);
    switch (frame.kind) {
      case "welcome":
        onWelcome(frame);
        break;
      case "ack":
        onAck();
        break;
      case "track":
        for (const field of frame.droppedFields) listener.droppedField?.(station, field);
        listener.track(station, frame.payload);
        break;
      case "invalid":
        listener.droppedFrame?.(station, frame.reason);
        break;
      case "ignored":
        break;
    }
  }

  function receive(ws: WebSocket, target: StationId, data: unknown) {
    if (socket !== ws) return;
    try {
      handleMessage(data);
    } catch (error) {
      // A listener bug must not kill the socket loop; report it and carry on.
      listener.droppedFrame?.(target, error instanceof Error ? error.message : "listener error");
    }
  }

  function identify(ws: WebSocket) {
    ws.send(JSON.stringify({ op: OP.IDENTIFY, d: { auth } }));
    welcomeTimer = setTimeout(() => dropConnection("no welcome"), WELCOME_TIMEOUT_MS);
  }

  function connect() {
    if (!station) return;
    const target = station;
    clearTimers();
    listener.status({ kind: "connecting", station: target });
    let ws: WebSocket;
    let adopted: AdoptedSocket | null = null;
    try {
      const url = urlFor(target);
      adopted = options.adoptSocket?.(url, auth) ?? null;
      ws = adopted?.socket ?? new WebSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    welcomedAt = 0;
    ws.onopen = () => {
      if (socket !== ws) return;
      identify(ws);
    };
    ws.onmessage = (event) => receive(ws, target, event.data);
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      listener.closed?.(target, event.code);
      if (auth !== "" && AUTH_REFUSED_CLOSE_CODES.has(event.code)) {
        refusedAuth = auth;
        auth = "";
      }
      scheduleReconnect();
    };
    if (adopted && ws.readyState === WebSocket.OPEN) {
      // Opened before we took it: the bootstrap identified already (or, if not, we do now), and what
      // it heard meanwhile is handled now, in order, as if it had just arrived.
      if (adopted.identified)
        welcomeTimer = setTimeout(() => dropConnection("no welcome"), WELCOME_TIMEOUT_MS);
      else identify(ws);
      for (const data of adopted.frames) receive(ws, target, data);
    }
  }

  function dropConnection(reason: string) {
    if (!socket) return;
    detach(CLIENT_CLOSE_CODE, reason);
    if (station) listener.closed?.(station, CLIENT_CLOSE_CODE);
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (!station) return;
    clearTimers();
    if (welcomedAt && now() - welcomedAt >= STABLE_CONNECTION_MS) attempt = 0;
    welcomedAt = 0;
    const offline = env && env.window.navigator.onLine === false;
    const delay = backoffDelayMs(attempt++, RECONNECT_BACKOFF, random);
    listener.status(
      offline
        ? { kind: "offline", station }
        : { kind: "reconnecting", station, retryAt: now() + delay, attempt },
    );
    retryTimer = setTimeout(connect, delay);
  }

  function reconnectNow() {
    if (!station) return;
    attempt = 0;
    detach(1000, "reconnecting");
    connect();
  }

  const onOnline = () => {
    if (station && !(socket && welcomedAt)) reconnectNow();
  };
  const onOffline = () => {
    if (station && !socket) listener.status({ kind: "offline", station });
  };
  const onVisibility = () => {
    if (!station || env?.document.visibilityState !== "visible") return;
    const healthy = socket && welcomedAt && now() - lastAckAt < heartbeatMs * 1.5 + 5_000;
    if (!healthy && !(socket && !welcomedAt)) reconnectNow();
  };

  function listen(on: boolean) {
    if (!env) return;
    const method = on ? "addEventListener" : "removeEventListener";
    env.window[method]("online", onOnline);
    env.window[method]("offline", onOffline);
    env.document[method]("visibilitychange", onVisibility);
  }

  return {
    get station() {
      return station;
    },
    start(next, requestedAuth = "") {
      const nextAuth = requestedAuth === refusedAuth ? "" : requestedAuth;
      if (station === next && auth === nextAuth && (socket || retryTimer)) return;
      const wasRunning = station !== null;
      detach(1000, "switching");
      station = next;
      auth = nextAuth;
      attempt = 0;
      if (!wasRunning) listen(true);
      connect();
    },
    stop() {
      if (station === null) return;
      detach(1000, "stopped");
      listen(false);
      station = null;
      listener.status({ kind: "idle" });
    },
  };
}
