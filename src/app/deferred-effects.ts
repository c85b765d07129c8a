/**
 * Effects nobody sees in the first frame: Media Session (the OS's media controls) and song
 * notifications. The session starts them once the islands load, so their code stays off the first screen.
 */
import { startMediaSession } from "./media-session";
import { startSongNotifications } from "./song-notifications";

export function startDeferredEffects(window: Window): () => void {
  const disposers = [startMediaSession(window.navigator), startSongNotifications(window.document)];
  return () => {
    for (const dispose of disposers) dispose();
  };
}
