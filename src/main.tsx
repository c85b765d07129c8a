import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "@/app/app";
import { startLanguage } from "@/app/language";
import { gateway } from "@/app/live-session";
import { startMediaSession } from "@/app/media-session";
import { restoreSnapshot, startSnapshotting } from "@/app/offline-snapshot";
import { startSongNotifications } from "@/app/song-notifications";
import { startTheme } from "@/app/theme";
import { getGatewayAuth } from "@/features/auth/auth-store";
import { getStation } from "@/features/station/station-store";
import { registerServiceWorker } from "@/pwa/register-service-worker";
import "./index.css";

startTheme();
startLanguage();
restoreSnapshot();
startSnapshotting();
// Open the gateway before React renders: the first song arrives sooner. The app's hook adopts it.
gateway.start(getStation(), getGatewayAuth());
startMediaSession();
startSongNotifications();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

registerServiceWorker();
