/**
 * A code-split chunk that keeps trying until it arrives. React.lazy turns a rejected import into an
 * error that blanks the page; a network blip while a chunk loads must not do that. Waiting shows the
 * Suspense fallback instead, and the import is tried again on `online` or after a growing delay.
 */
import { type BackoffPolicy, backoffDelayMs } from "./backoff";

export const CHUNK_RETRY_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000 };

export function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => {
    let attempt = 0;
    const tryLoad = () => {
      load().then(resolve, () => {
        const retry = () => {
          clearTimeout(timer);
          window.removeEventListener("online", retry);
          tryLoad();
        };
        const timer = setTimeout(retry, backoffDelayMs(attempt++, CHUNK_RETRY_BACKOFF));
        window.addEventListener("online", retry);
      });
    };
    tryLoad();
  });
}
