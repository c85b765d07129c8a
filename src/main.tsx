import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/app/app";
import { startSession } from "@/app/session";
import { RegionBoundary } from "@/components/ui/region-boundary";
import { registerServiceWorker } from "@/pwa/register-service-worker";
import "./index.css";

// Everything outside React, the gateway first: the first song arrives sooner when it opens before React renders.
const session = startSession({ window });
import.meta.hot?.dispose(() => session.dispose());

/** A Japanese page waits this long at most for its dictionary rather than flash English first. */
const LANGUAGE_WAIT_MS = 1_000;

// The page renders as soon as its words are in (at once for English), without waiting for the first
// song: the song's arrival then commits only the now-playing card, into a page already laid out and
// painted, instead of rendering and laying out the whole page in the frame that should show it.
const root = document.getElementById("root");
if (root) {
  void Promise.race([session.ready, new Promise((done) => setTimeout(done, LANGUAGE_WAIT_MS))]).then(() => {
    createRoot(root).render(
      <StrictMode>
        <RegionBoundary region="page">
          <App />
        </RegionBoundary>
      </StrictMode>,
    );
  });
}

registerServiceWorker();
