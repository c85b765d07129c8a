/** LISTEN.moe gateway op codes and the client's timing policy, in one place for code and tests. */
import type { BackoffPolicy } from "@/lib/backoff";

export const OP = {
  /** Client → server: identify (v1 handshake; v2 ignores it). Server → client: welcome. */
  IDENTIFY: 0,
  WELCOME: 0,
  DISPATCH: 1,
  REQUEST_TRACK: 2,
  HEARTBEAT: 9,
  HEARTBEAT_ACK: 10,
} as const;

export const EVENT = {
  TRACK_UPDATE: "TRACK_UPDATE",
  TRACK_UPDATE_REQUEST: "TRACK_UPDATE_REQUEST",
} as const;

/** Heartbeat interval when the welcome names none, and the bounds we accept from the server. */
export const DEFAULT_HEARTBEAT_MS = 35_000;
export const MIN_HEARTBEAT_MS = 1_000;
/** Beat a little more often than very long server intervals ask, so a slow timer never trips the server. */
export const MAX_HEARTBEAT_MS = 30_000;

/** How long an op 9 may wait for its op 10 before the socket counts as a zombie. */
export function ackTimeoutMs(heartbeatMs: number): number {
  return Math.min(Math.max(heartbeatMs, 3_000), 15_000);
}

/** A socket that opened but never said hello is dead weight. */
export const WELCOME_TIMEOUT_MS = 10_000;

/** Reconnect backoff: exponential from BASE to CAP, with jitter; reset once a connection was stable. */
export const RECONNECT_BASE_MS = 500;
export const RECONNECT_MAX_MS = 10_000;
export const RECONNECT_BACKOFF: BackoffPolicy = { baseMs: RECONNECT_BASE_MS, maxMs: RECONNECT_MAX_MS };
export const STABLE_CONNECTION_MS = 10_000;
/**
 * After this many failed attempts in a row with the browser online, the status stops saying
 * "Reconnecting" and says LISTEN.moe cannot be reached (it keeps retrying all the same).
 */
export const UNREACHABLE_AFTER_ATTEMPTS = 4;

/** Frames larger than this are not even parsed (real frames are a few kB). */
export const MAX_FRAME_CHARS = 256 * 1024;

/**
 * v1 close codes about the identify (AKIO's constants; protocol §2.8): 4003 invalid auth, 4004 already
 * authenticated. After an identify with a token they mean "not with this token": the client goes on
 * anonymously. The gateway is only a song feed, so it never ends the GraphQL session.
 */
export const AUTH_REFUSED_CLOSE_CODES: ReadonlySet<number> = new Set([4003, 4004]);

/** Close code the client uses when it gives up on a socket (zombie, no welcome). */
export const CLIENT_CLOSE_CODE = 4000;
