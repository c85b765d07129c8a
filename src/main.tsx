import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/app/app";
import { gateway } from "@/app/live-session";
import { startMediaSession } from "@/app/media-session";
import { getStation } from "@/features/station/station-store";
import "./index.css";

// Open the gateway before React renders: the first song arrives sooner. The app's hook adopts it.
gateway.start(getStation());
startMediaSession();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
