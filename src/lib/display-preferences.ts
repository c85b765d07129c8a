/**
 * How names are shown, shared by every feature that shows a song: romanised names first or not. The
 * settings dialog changes it; now playing, history and the song details read it.
 */
import { useMemo } from "react";
import * as v from "valibot";
import { useStore } from "zustand";
import { getT, useT } from "./i18n";
import { createPersistedStore, readStoredEntry } from "./persisted-store";
import type { SongDisplay } from "./song";

interface DisplayPreferences {
  /** Show romanised names (nameRomaji/titleRomaji) wherever a name appears. */
  preferRomaji: boolean;
}

/** Before it had its own entry, the choice was kept among the settings; carry it over once. */
const LEGACY_SETTINGS_KEY = "lm.settings.v2";

function legacyRomaji(): boolean {
  try {
    const entry = readStoredEntry(localStorage.getItem(LEGACY_SETTINGS_KEY));
    return (entry?.state as { preferRomaji?: unknown } | undefined)?.preferRomaji === true;
  } catch {
    return false;
  }
}

const store = createPersistedStore<DisplayPreferences, DisplayPreferences>(
  () => ({ preferRomaji: legacyRomaji() }),
  { key: "lm.display.v1", version: 1, fields: { preferRomaji: v.boolean() }, pick: (s) => s },
);

export const usePreferRomaji = () => useStore(store, (s) => s.preferRomaji);

/** How to show a song now, for code outside React (tab title, Media Session, notifications). */
export const getSongDisplay = (): SongDisplay => ({
  preferRomaji: store.getState().preferRomaji,
  words: getT().song,
});

/** How to show a song, following the romaji choice and the page's language; a stable object between changes. */
export function useSongDisplay(): SongDisplay {
  const preferRomaji = usePreferRomaji();
  const words = useT().song;
  return useMemo(() => ({ preferRomaji, words }), [preferRomaji, words]);
}

export const subscribeToDisplay = (listener: () => void) => store.subscribe((s) => s.preferRomaji, listener);

export function romajiToggled(preferRomaji: boolean) {
  store.setState({ preferRomaji });
}

export function resetDisplayPreferences() {
  store.setState({ preferRomaji: false }, true);
}
