/**
 * The page's words in English and Japanese: a typed dictionary, no library (the first screen's size
 * budget is tight). `en` is the source of truth; `ja` must have exactly its shape, so a missing or
 * extra key is a type error. Which language shows is decided in `src/app/language.ts`.
 */
import { createStore, useStore } from "zustand";

export type Language = "en" | "ja";
export type LanguageChoice = "auto" | Language;

const en = {
  app: {
    settings: "Settings",
    keyboardShortcuts: "Keyboard shortcuts",
    station: "Station",
    /** The tab title and the Media Session album when nothing better is known. */
    stationTitle: (station: string) => `LISTEN.moe ${station}`,
    documentTitle: (title: string, artists: string, station: string) => `${title} — ${artists} · ${station}`,
    close: "Close",
  },
  song: {
    unknownName: "Unknown",
    untitled: "Untitled",
    unknownArtist: "Unknown artist",
  },
  nowPlaying: {
    nowPlaying: "Now playing",
    tuningIn: (station: string) => `Tuning in to ${station}…`,
    coverOf: (title: string) => `Cover of ${title}`,
    event: (name: string) => `Event: ${name}`,
    songDetails: "Song details",
    source: "Source",
    album: "Album",
    requestedByLabel: "Requested by",
    requestedBy: (name: string) => `Requested by ${name}`,
    announcement: (title: string, artists: string) => `Now playing: ${title} by ${artists}`,
    listeners: (count: number, formatted: string) => `${formatted} ${count === 1 ? "listener" : "listeners"}`,
    songProgress: "Song progress",
    progressOf: (elapsed: string, total: string) => `${elapsed} of ${total}`,
  },
  history: {
    history: "History",
    recentlyPlayed: "Recently played",
    empty: "Songs appear here as they finish.",
  },
  connection: {
    connection: "Connection",
    live: "Live",
    reconnectingIn: (seconds: number) => `Reconnecting in ${seconds} s`,
    reconnecting: "Reconnecting…",
    offline: "Offline — waiting for the network",
    connecting: "Connecting…",
  },
  player: {
    play: "Play",
    stop: "Stop",
    mute: "Mute",
    volume: "Volume",
    muted: "Muted",
    status: {
      stopped: "Stopped",
      connecting: "Connecting to the stream…",
      playing: "Playing",
      buffering: "Buffering…",
      recovering: "Reconnecting the stream…",
      failed: "Playback failed",
      blocked: "Press Play to listen",
      "no-output": "No audio output — check your sound device",
    },
    sleepTimerStopsAt: (time: string) => `Sleep timer: stops at ${time}`,
    liveRadio: "Live radio",
    tapToPlay: "Tap play to tune in",
    resumesWithDevice: "Plays again as soon as a sound device is available",
    blockedByBrowser: "The browser blocked playback. Press Play to start.",
    gaveUp: "The stream is not coming back. Check your connection and try again.",
  },
  settings: {
    theme: "Theme",
    themeSystem: "Same as the system",
    themeDark: "Dark",
    themeLight: "Light",
    language: "Language",
    languageAuto: "Automatic",
    preferRomaji: "Prefer romaji for titles and names",
    streamQuality: "Stream quality",
    streamAuto: "Automatic",
    streamVorbis: "Vorbis (best)",
    streamOpus: "Opus",
    streamMp3: "MP3 (widest support)",
    sleepTimer: "Sleep timer",
    sleepNotSet: "Not set",
    sleepStopsAt: (time: string) => `Stops at ${time}`,
    sleepOff: "Off",
    sleepInMinutes: (minutes: number) => `In ${minutes} minutes`,
    sleepEndOfSong: "At the end of this song",
    songLengthUnknown: "This song's length is unknown; pick a time instead.",
    notify: "Notify me when the song changes while this tab is in the background",
    notificationsUnsupported: "This browser cannot show notifications.",
    notificationsBlocked: "Notifications are blocked for this site in your browser settings.",
  },
  shortcuts: {
    space: "Space",
    playOrStop: "Play or stop",
    muteOrUnmute: "Mute or unmute",
    volumeUpOrDown: "Volume up or down",
    station: "J-pop or K-pop",
    showShortcuts: "Show these shortcuts",
    pausedWhileTyping: "Shortcuts pause while you type in a field.",
  },
  details: {
    artists: "Artists",
    characters: "Characters",
    albums: "Albums",
    sources: "Sources",
    opensInNewTab: "(opens LISTEN.moe in a new tab)",
    copySongInfo: "Copy song info",
    copied: "Copied",
    copyNotAllowed: "Copying is not allowed here",
  },
  auth: {
    logIn: "Log in",
    logOut: "Log out",
    account: "Account",
    dismiss: "Dismiss",
    retry: "Retry",
    loadingAccount: "Loading your account…",
    avatarOf: (name: string) => `Avatar of ${name}`,
    favoriteCount: (count: number, formatted: string) =>
      `${formatted} ${count === 1 ? "favorite" : "favorites"}`,
    notice: {
      loggedOut: "You're logged out.",
      expired: "Your session expired — log in again.",
      otherTab: "You logged out in another tab.",
    },
  },
  login: {
    title: "Log in to LISTEN.moe",
    username: "Username or email",
    password: "Password",
    rememberMe: "Remember me",
    loggingIn: "Logging in…",
    twoFactorCode: "Two-factor code",
    enterCode: (digits: number) => `Enter the ${digits}-digit code from your authenticator app.`,
    timeLeft: (clock: string) => `Time left: ${clock}`,
    checkingCode: "Checking the code…",
    verify: "Verify",
    backToPassword: "Back to password",
    missing: "Enter your username or email and your password.",
    wrongCredentials: "That username or email and password don't match. Check them and try again.",
    wrongCode: "That code didn't work. Enter the current code from your authenticator app.",
    mfaExpired: "The two-factor step timed out. Log in with your password again to get a new one.",
    failed: "Logging in failed. Try again.",
  },
  queue: {
    requestQueue: "Request queue",
    songs: (count: number, formatted: string) => `${formatted} ${count === 1 ? "song" : "songs"}`,
    empty: "No songs queued",
    queued: (songs: string) => `${songs} queued`,
    yours: (count: number, formatted: string) => `${formatted} ${count === 1 ? "is" : "are"} yours`,
    yoursIsNext: "Your song is next!",
    beforeYours: (songs: string) => `${songs} before yours`,
  },
  favorites: {
    add: "Add to favorites",
    remove: "Remove from favorites",
    favorite: (title: string) => `Favorite ${title}`,
    addFailed: (reason: string) => `Couldn't add this song to your favorites. ${reason}`,
    removeFailed: (reason: string) => `Couldn't remove this song from your favorites. ${reason}`,
  },
  errors: {
    network: "Can't reach LISTEN.moe. Check your internet connection and try again.",
    timeout: "LISTEN.moe is taking too long to answer. Try again in a moment.",
    server: "LISTEN.moe ran into a problem on its side. Try again in a little while.",
    "rate-limited": "Too many attempts in a short time. Wait a minute, then try again.",
    unauthorized: "Your session expired — log in again.",
    rejected: "LISTEN.moe refused the request.",
    "bad-response": "LISTEN.moe sent an answer this player doesn't understand. Try again later.",
    serverSaid: (text: string) => `LISTEN.moe said: ${text}`,
    unknown: "Something went wrong. Try again.",
  },
};

export type Messages = typeof en;

/** English ships with the page; Japanese arrives on demand (src/lib/i18n-ja.ts), about 5 kB gzip. */
export const ENGLISH: Messages = en;
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

const store = createStore<LanguageState>(() => ({
  language: "en",
  locale: localeFor("en", browserLanguages()),
}));

/** The current dictionary: one stable object per language, so a component re-renders only on a switch. */
export const useT = () => useStore(store, (s) => dictionary(s.language));
export const useLanguage = () => useStore(store, (s) => s.language);
/** The tag Intl formatters use; read it in render so numbers and times follow a switch. */
export const useLocale = () => useStore(store, (s) => s.locale);

export const getT = (): Messages => dictionary(store.getState().language);
export const getLanguage = (): Language => store.getState().language;
export const currentLocale = (): string => store.getState().locale;

let wanted: Language = "en";

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

export function subscribeToLanguage(listener: (language: Language) => void): () => void {
  return store.subscribe((next, prev) => {
    if (next.language !== prev.language) listener(next.language);
  });
}

/**
 * The text before and after a message's one argument, for messages whose argument is styled
 * separately ("Requested by <b>Kana</b>" / "<b>Kana</b>さんのリクエスト").
 */
export function around(message: (slot: string) => string): [before: string, after: string] {
  const slot = "\u0000";
  const [before = "", after = ""] = message(slot).split(slot);
  return [before, after];
}
