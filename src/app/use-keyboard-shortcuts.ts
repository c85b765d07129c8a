import { useEffect } from "react";
import { stopRequested, togglePlayback, volumeStepped } from "@/features/player/audio-session";
import { muteToggled } from "@/features/player/player-store";
import { focusSearchBox } from "@/features/search/components/search-box";
import { stationSelected } from "@/features/station/station-store";

/** Where the browser or the focused control already gives a key its meaning. */
function belongsToTarget(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("input, textarea, select, [role='dialog']")) return true;
  // Space activates a focused button, arrows move a focused slider or tab: let them.
  if (event.key === " " && target.closest("button, a, [role='tab']")) return true;
  return false;
}

const stepVolumeUp = () => volumeStepped(1);
const stepVolumeDown = () => volumeStepped(-1);

function keyActions(openHelp: () => void): Record<string, () => void> {
  return {
    " ": togglePlayback,
    m: muteToggled,
    M: muteToggled,
    ArrowUp: stepVolumeUp,
    ArrowDown: stepVolumeDown,
    "1": () => stationSelected("jpop"),
    "2": () => stationSelected("kpop"),
    "/": focusSearchBox,
    "?": openHelp,
    MediaStop: stopRequested,
  };
}

/** Page-wide shortcuts; never with modifiers, so the browser's own (Ctrl+1, Cmd+M…) stay intact. */
export function useKeyboardShortcuts(openHelp: () => void) {
  useEffect(() => {
    const actions = keyActions(openHelp);
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
        return;
      if (belongsToTarget(event)) return;
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [openHelp]);
}
