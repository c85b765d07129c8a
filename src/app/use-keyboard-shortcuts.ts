import { useEffect } from "react";
import { loadChunk } from "@/lib/load-chunk";

/**
 * Page-wide keyboard shortcuts (keyboard-shortcuts.ts). Loaded as their own chunk right after the first
 * render, so their rules stay off the first screen; a key pressed before then is simply the browser's.
 */
export function useKeyboardShortcuts(openHelp: () => void) {
  useEffect(() => {
    let mounted = true;
    let stop: (() => void) | undefined;
    void loadChunk(() => import("./keyboard-shortcuts")).then(({ listenForShortcuts }) => {
      if (mounted) stop = listenForShortcuts(document, openHelp);
    });
    return () => {
      mounted = false;
      stop?.();
    };
  }, [openHelp]);
}
