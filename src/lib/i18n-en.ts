/**
 * The page's words in English: the source of truth for every language. Each other dictionary
 * (i18n-ja.ts) must have exactly this shape, so a missing or extra key is a type error.
 */

export const en = {
  app: {
    /** The header link to the favorites view. */
    favorites: "Favorites",
    settings: "Settings",
    keyboardShortcuts: "Keyboard shortcuts",
    station: "Station",
    /** The tab title and the Media Session album when nothing better is known. */
    stationTitle: (station: string) => `LISTEN.moe ${station}`,
    documentTitle: (title: string, artists: string, station: string) => `${title} — ${artists} · ${station}`,
    close: "Close",
    /** The header's search box (the results carry their own words, features/search/messages.ts). */
    searchSongs: "Search songs",
  },
  song: {
    unknownName: "Unknown",
    untitled: "Untitled",
    unknownArtist: "Unknown artist",
  },
  nowPlaying: {
    /** Said after a link that leaves the player. */
    opensInNewTab: "(opens LISTEN.moe in a new tab)",
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
    unreachable: "Can't reach LISTEN.moe — trying again…",
    unreachableRetryIn: (seconds: number) => `Can't reach LISTEN.moe — trying again in ${seconds} s`,
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
  auth: {
    /** The header's login button (and the place it keeps before the account area loads). */
    logIn: "Log in",
  },
  region: {
    /** A part of the page that could not be drawn; the rest keeps working, and it tries again on the next update. */
    failed: (part: string) => `Couldn't show ${part}. It will try again with the next update.`,
    nowPlaying: "the song playing now",
    history: "the history",
    favorites: "your favorites",
    account: "your account",
    player: "the player",
    dialog: "this window",
    page: "the page",
  },
};

export type Messages = typeof en;
