/**
 * Bounds what the /graphql proxy may hold at once: a number of requests in flight, and the bytes of
 * request bodies buffered across all of them. A request that would go past either is refused at once
 * (503) rather than queued, so memory stays flat however many clients hold bodies open.
 */

/**
 * @param {{ maxConcurrent: number, maxBufferedBytes: number }} limits
 */
export function createProxyBudget({ maxConcurrent, maxBufferedBytes }) {
  let active = 0;
  let buffered = 0;

  /** A slot for one request, or null when every slot is taken. */
  function enter() {
    if (active >= maxConcurrent) return null;
    active += 1;
    let held = 0;
    let open = true;
    return {
      /** Takes `bytes` more of the shared body budget; false (and nothing taken) when it is spent. */
      reserve(bytes) {
        if (!open || buffered + bytes > maxBufferedBytes) return false;
        buffered += bytes;
        held += bytes;
        return true;
      },
      /** Gives back the slot and every byte; safe to call more than once. */
      release() {
        if (!open) return;
        open = false;
        active -= 1;
        buffered -= held;
        held = 0;
      },
    };
  }

  return { enter, usage: () => ({ active, buffered }) };
}
