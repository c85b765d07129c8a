/**
 * The page's words: a typed dictionary per language (i18n-en.ts is the source of truth), no library,
 * because the first screen's size budget is tight. Which language shows is decided in
 * `src/app/language.ts`; components read the words with useT() and translate when they render.
 */
import { useStore } from "zustand";
import { en, type Messages } from "./i18n-en";
import { createSelectableStore } from "./persisted-store";

/** Every language the page speaks, in the order the settings offer them. */
export const LANGUAGES = ["en", "ja", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageChoice = "auto" | Language;

/**
 * A lazily loaded feature's own words in every language, so they travel with the feature's chunk and
 * never weigh on the first screen. English is the shape; each language must match it (a type error
 * otherwise; src/testing/dictionary-shape.ts checks the texts in tests).
 */
export type MessageSet<M> = Readonly<Record<Language, M>>;

/**
 * English ships with the page; Japanese (src/lib/i18n-ja.ts) and Korean (src/lib/i18n-ko.ts) arrive
 * on demand, about 5 kB gzip each.
 */
export const ENGLISH: Messages = en;
export type { Messages };

const dictionaries: Partial<Record<Language, Messages>> = { en };
const loaders: Record<Exclude<Language, "en">, () => Promise<Messages>> = {
  ja: () => import("./i18n-ja").then((m) => m.ja),
  ko: () => import("./i18n-ko").then((m) => m.ko),
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
    const known = LANGUAGES.find((language) => language === base);
    if (known) return known;
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

/** A lazily loaded feature's words (see MessageSet) in the language on screen. */
export const useMessages = <M>(set: MessageSet<M>): M => useStore(store, (s) => set[s.language]);

export const getT = (): Messages => dictionary(store.getState().language);
/** `useMessages` outside React: the set's words in the language on screen now. */
export const getMessages = <M>(set: MessageSet<M>): M => set[store.getState().language];
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
