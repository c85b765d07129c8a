/** The listener's choices that are not about playback: persisted, versioned and validated on load. */
import * as v from "valibot";
import { useStore } from "zustand";
import { createPersistedStore } from "@/lib/persisted-store";

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export const LANGUAGE_CHOICES = ["auto", "en", "ja", "ko"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export interface Settings {
  /** Desktop notifications on song change; off until the listener turns them on. */
  notifications: boolean;
  theme: ThemeChoice;
  language: LanguageChoice;
  /** Single-key shortcuts (M, 1, ?…); on by default, and can be turned off (WCAG 2.1.4). */
  keyboardShortcuts: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  notifications: false,
  theme: "system",
  language: "auto",
  keyboardShortcuts: true,
};

const store = createPersistedStore<Settings, Settings>(() => DEFAULT_SETTINGS, {
  key: "lm.settings.v2",
  version: 2,
  fields: {
    notifications: v.boolean(),
    theme: v.picklist(THEME_CHOICES),
    language: v.picklist(LANGUAGE_CHOICES),
    // A new field needs no new version: entries written before it simply keep the default.
    keyboardShortcuts: v.boolean(),
  },
  pick: ({ notifications, theme, language, keyboardShortcuts }) => ({
    notifications,
    theme,
    language,
    keyboardShortcuts,
  }),
});

export const useNotificationsEnabled = () => useStore(store, (s) => s.notifications);
export const useThemeChoice = () => useStore(store, (s) => s.theme);
export const useLanguageChoice = () => useStore(store, (s) => s.language);
export const useKeyboardShortcutsEnabled = () => useStore(store, (s) => s.keyboardShortcuts);
export const getSettings = () => store.getState();

/** Calls `listener` with the selected setting whenever it changes. */
export const subscribeToSettings = <T>(select: (s: Settings) => T, listener: (value: T) => void) =>
  store.subscribe(select, listener);

export function notificationsToggled(enabled: boolean) {
  store.setState({ notifications: enabled });
}

export function themeChosen(theme: ThemeChoice) {
  store.setState({ theme });
}

export function languageChosen(language: LanguageChoice) {
  store.setState({ language });
}

export function keyboardShortcutsToggled(enabled: boolean) {
  store.setState({ keyboardShortcuts: enabled });
}

export function resetSettingsStore() {
  store.setState(DEFAULT_SETTINGS, true);
}
