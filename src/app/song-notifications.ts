/** Composition: an optional desktop notification when the song changes while the tab is hidden. */
import { subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { getSettings } from "@/features/settings/settings-store";
import { getStation } from "@/features/station/station-store";
import { trackArtworkUrl } from "@/lib/config";
import { getSongDisplay } from "@/lib/display-preferences";
import { artistLine, songTitle } from "@/lib/song";

export function startSongNotifications(document: Document): () => void {
  if (typeof Notification === "undefined") return () => {};
  return subscribeToTrack((station, { track }) => {
    if (!track || station !== getStation() || !getSettings().notifications) return;
    if (Notification.permission !== "granted" || document.visibilityState === "visible") return;
    try {
      const display = getSongDisplay();
      new Notification(songTitle(track.song, display), {
        body: artistLine(track.song, display),
        icon: trackArtworkUrl(track) ?? undefined,
        tag: "listen-moe-now-playing",
        silent: true,
      });
    } catch {
      // Some platforms only allow notifications from a service worker; the page carries on.
    }
  });
}
