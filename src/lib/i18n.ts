/**
 * The page's words: a typed dictionary per language (i18n-en.ts is the source of truth), no library,
 * because the first screen's size budget is tight. Which language shows is decided in
 * `src/app/language.ts`; components read the words with useT() and translate when they render.
 */
import { useStore } from "zustand";
import { en, type Messages } from "./i18n-en";
import { createSelectableStore } from "./persisted-store";

export type Language = "en" | "ja";
export type LanguageChoice = "auto" | Language;

/** English ships with the page; Japanese arrives on demand (src/lib/i18n-ja.ts), about 5 kB gzip. */
export const ENGLISH: Messages = en;
export type { Messages };

const dictionaries: Partial<Record<Language, Messages>> = { en };
const loaders: Record<Exclude<Language, "en">, () => Promise<Messages>> = {
  ja: () => import("./i18n-ja").then((m) => m.ja),
};

/** Fetches a language's dictionary once; resolves when it can be shown. */
export async function loadLanguage(language: Language): Promise<Messages> {
  const ready = dictionaries[language];
  if (ready) return ready;
  const loaded = await loaders[language as Exclude<Language, "en">]();
  dictionaries[language] = loaded;
  return loaded;
}

function dictionary(language: Language): Messages {
  return dictionaries[language] ?? en;
}

/** "auto" follows the browser's preference order: the first language we have wins, else English. */
export function languageFor(choice: LanguageChoice, navigatorLanguages: readonly string[] = []): Language {
  if (choice !== "auto") return choice;
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "ja" || base === "en") return base;
  }
  return "en";
}

/** `navigator.languages`, most preferred first (empty outside a browser). */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/** The browser's own tag when it speaks the same language ("en-GB" keeps its 24-hour clock), else the bare one. */
export function localeFor(language: Language, navigatorLanguages: readonly string[] = []): string {
  return (
    navigatorLanguages.find((tag) => {
      const lower = tag.toLowerCase();
      return lower === language || lower.startsWith(`${language}-`);
    }) ?? language
  );
}

interface LanguageState {
  language: Language;
  locale: string;
}

let wanted: Language = "en";

const english = (): LanguageState => ({ language: "en", locale: localeFor("en", browserLanguages()) });
const store = createSelectableStore<LanguageState>(english);

export function resetLanguage() {
  wanted = "en";
  store.setState(english(), true);
}

/** The current dictionary: one stable object per language, so a component re-renders only on a switch. */
export const useT = () => useStore(store, (s) => dictionary(s.language));
/** The tag Intl formatters use; read it in render so numbers and times follow a switch. */
export const useLocale = () => useStore(store, (s) => s.locale);

export const getT = (): Messages => dictionary(store.getState().language);
export const currentLocale = (): string => store.getState().locale;

/**
 * Shows `language` as soon as its dictionary is in (at once for English, or when already loaded).
 * The promise resolves when it shows; a newer choice made meanwhile wins.
 */
export async function setLanguage(language: Language): Promise<void> {
  wanted = language;
  if (!dictionaries[language]) {
    try {
      await loadLanguage(language);
    } catch {
      return; // offline without the chunk cached: the page stays in the language it has
    }
  }
  if (wanted !== language) return;
  const locale = localeFor(language, browserLanguages());
  const state = store.getState();
  if (state.language !== language || state.locale !== locale) store.setState({ language, locale });
}

export const subscribeToLanguage = (listener: (language: Language) => void): (() => void) =>
  store.subscribe((s) => s.language, listener);

/**
 * The text before and after a message's one argument, for messages whose argument is styled
 * separately ("Requested by <b>Kana</b>" / "<b>Kana</b>さんのリクエスト").
 */
export function around(message: (slot: string) => string): [before: string, after: string] {
  const slot = "\u0000";
  const [before = "", after = ""] = message(slot).split(slot);
  return [before, after];
}
