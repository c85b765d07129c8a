/**
 * A code-split chunk that keeps trying until it arrives. React.lazy turns a rejected import into an
 * error that blanks the page; a network blip while a chunk loads must not do that. Waiting shows the
 * Suspense fallback instead, and the import is tried again on `online` or after a growing delay.
 */
const RETRY_MAX_MS = 30_000;

export function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => {
    let attempt = 0;
    const tryLoad = () => {
      load().then(resolve, () => {
        const delay = Math.min(RETRY_MAX_MS, 1_000 * 2 ** attempt++);
        const retry = () => {
          clearTimeout(timer);
          window.removeEventListener("online", retry);
          tryLoad();
        };
        const timer = setTimeout(retry, delay);
        window.addEventListener("online", retry);
      });
    };
    tryLoad();
  });
}
