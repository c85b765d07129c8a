/**
 * Hands items on at most once per animation frame. The first item after a quiet frame goes at once
 * (no added latency for the usual one-frame-per-song); items that arrive before the next frame wait
 * and go together, so a burst of 2,000 frames costs one render, not 2,000. Hidden tabs get no
 * animation frames, so a timer delivers at the latest after `latestMs`.
 */
export interface FrameCoalescer<T> {
  push(item: T): void;
  /** Deliver whatever waits, now. */
  flush(): void;
  dispose(): void;
}

export function createFrameCoalescer<T>(
  deliver: (items: T[]) => void,
  window: Pick<Window, "requestAnimationFrame" | "cancelAnimationFrame">,
  latestMs = 100,
): FrameCoalescer<T> {
  let waiting: T[] = [];
  let quietUntilFrame = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function endOfFrame() {
    window.cancelAnimationFrame(frame);
    clearTimeout(timer);
    timer = undefined;
    quietUntilFrame = false;
    flush();
  }

  function flush() {
    if (waiting.length === 0) return;
    const items = waiting;
    waiting = [];
    deliver(items);
  }

  return {
    push(item) {
      waiting.push(item);
      if (quietUntilFrame) return;
      quietUntilFrame = true;
      frame = window.requestAnimationFrame(endOfFrame);
      timer = setTimeout(endOfFrame, latestMs);
      flush();
    },
    flush,
    dispose() {
      window.cancelAnimationFrame(frame);
      clearTimeout(timer);
      waiting = [];
      quietUntilFrame = false;
    },
  };
}
