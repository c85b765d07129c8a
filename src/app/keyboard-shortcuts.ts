/** The page-wide keydown listener: which key is a shortcut, and when, is decided in page-shortcuts.ts. */
import { stopRequested, togglePlayback, volumeStepped } from "@/features/player/audio-session";
import { muteToggled } from "@/features/player/player-store";
import { focusSearchBox } from "@/features/search/components/search-box";
import { getSettings } from "@/features/settings/settings-store";
import { stationSelected } from "@/features/station/station-store";
import { type PageShortcut, pageShortcutFor } from "./page-shortcuts";

function shortcutActions(openHelp: () => void): Record<PageShortcut, () => void> {
  return {
    "play-or-stop": togglePlayback,
    mute: muteToggled,
    "volume-up": () => volumeStepped(1),
    "volume-down": () => volumeStepped(-1),
    jpop: () => stationSelected("jpop"),
    kpop: () => stationSelected("kpop"),
    search: focusSearchBox,
    help: openHelp,
    stop: stopRequested,
  };
}

/** Answers the shortcuts on `target` until the returned function is called. */
export function listenForShortcuts(target: Document, openHelp: () => void): () => void {
  const actions = shortcutActions(openHelp);
  function onKeyDown(event: KeyboardEvent) {
    // Read at each key, so turning shortcuts off in Settings holds from the next key on.
    const shortcut = pageShortcutFor(event, getSettings().keyboardShortcuts);
    if (!shortcut) return;
    event.preventDefault();
    actions[shortcut]();
  }
  target.addEventListener("keydown", onKeyDown);
  return () => target.removeEventListener("keydown", onKeyDown);
}
