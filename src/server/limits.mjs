/**
 * How much one `npm start` process lets clients hold. Chosen for a small machine: a few hundred
 * listeners' pages, each making a handful of small GraphQL calls. Tests pass smaller values so that
 * abuse finishes in seconds.
 */
/**
 * @typedef {{ maxConnections: number, headersTimeoutMs: number, requestTimeoutMs: number,
 *   idleTimeoutMs: number, keepAliveTimeoutMs: number, timeoutCheckIntervalMs: number,
 *   maxConcurrentProxy: number, maxProxyBodyBytes: number, maxBufferedBytes: number,
 *   proxyBodyTimeoutMs: number, upstreamTimeoutMs: number }} Limits
 */

/** @type {Readonly<Limits>} */
export const DEFAULT_LIMITS = Object.freeze({
  /** Open sockets at once; past this the kernel's backlog waits and new ones are dropped. */
  maxConnections: 2_000,
  /** A client has this long to send its request headers (slowloris). */
  headersTimeoutMs: 10_000,
  /** ...and this long for the whole request, body included. */
  requestTimeoutMs: 30_000,
  /** A socket with no traffic either way for this long is closed (stalled readers). */
  idleTimeoutMs: 60_000,
  /** Idle keep-alive sockets are closed after this long. */
  keepAliveTimeoutMs: 5_000,
  /** How often Node checks the two request timeouts above. */
  timeoutCheckIntervalMs: 1_000,
  /** /graphql requests in flight at once (body upload, upstream call and answer). */
  maxConcurrentProxy: 64,
  /** GraphQL requests are small; a bigger body is refused (413) rather than buffered. */
  maxProxyBodyBytes: 1024 * 1024,
  /** Request body bytes buffered across all /graphql requests. */
  maxBufferedBytes: 16 * 1024 * 1024,
  /** A /graphql body must arrive within this long (tighter than requestTimeoutMs: slots are few). */
  proxyBodyTimeoutMs: 10_000,
  /** The upstream has this long to answer in full. */
  upstreamTimeoutMs: 20_000,
});
