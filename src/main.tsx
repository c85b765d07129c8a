import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/app/app";
import { startSession } from "@/app/session";
import { RegionBoundary } from "@/components/ui/region-boundary";
import { getNowPlaying, subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { getStation } from "@/features/station/station-store";
import { registerServiceWorker } from "@/pwa/register-service-worker";
import "./index.css";

// Everything outside React, the gateway first: the first song arrives sooner when it opens before React renders.
const session = startSession({ window });
import.meta.hot?.dispose(() => session.dispose());

/**
 * The first render waits for the first song, or this long at most. The gateway usually answers within
 * a round trip; rendering the empty page before that would make the song's frame wait behind that
 * render and its layout, and then render the page a second time.
 */
const FIRST_RENDER_WAIT_MS = 100;
/** A Japanese page waits this long at most for its dictionary rather than flash English first. */
const LANGUAGE_WAIT_MS = 1_000;

const root = document.getElementById("root");
if (root) {
  let rendered = false;
  const render = () => {
    if (rendered) return;
    rendered = true;
    stopWaiting();
    createRoot(root).render(
      <StrictMode>
        <RegionBoundary region="page">
          <App />
        </RegionBoundary>
      </StrictMode>,
    );
  };
  let stopWaiting = () => {};
  void Promise.race([session.ready, new Promise((done) => setTimeout(done, LANGUAGE_WAIT_MS))]).then(() => {
    stopWaiting = subscribeToTrack(render);
    if (getNowPlaying(getStation()).track) render();
    else setTimeout(render, FIRST_RENDER_WAIT_MS);
  });
}

registerServiceWorker();
