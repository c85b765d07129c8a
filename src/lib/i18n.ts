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
    },
    sleepTimerStopsAt: (time: string) => `Sleep timer: stops at ${time}`,
    liveRadio: "Live radio",
    tapToPlay: "Tap play to tune in",
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

const ja: Messages = {
  app: {
    settings: "設定",
    keyboardShortcuts: "キーボードショートカット",
    station: "ステーション",
    stationTitle: (station) => `LISTEN.moe ${station}`,
    documentTitle: (title, artists, station) => `${title} — ${artists} · ${station}`,
    close: "閉じる",
  },
  song: {
    unknownName: "不明",
    untitled: "無題",
    unknownArtist: "不明なアーティスト",
  },
  nowPlaying: {
    nowPlaying: "再生中",
    tuningIn: (station) => `${station}に接続しています…`,
    coverOf: (title) => `「${title}」のジャケット`,
    event: (name) => `イベント：${name}`,
    songDetails: "曲の詳細",
    source: "作品",
    album: "アルバム",
    requestedByLabel: "リクエスト",
    requestedBy: (name) => `${name}さんのリクエスト`,
    announcement: (title, artists) => `再生中：${title}（${artists}）`,
    listeners: (_count, formatted) => `リスナー ${formatted}人`,
    songProgress: "曲の進行状況",
    progressOf: (elapsed, total) => `${elapsed} / ${total}`,
  },
  history: {
    history: "履歴",
    recentlyPlayed: "最近再生された曲",
    empty: "再生が終わった曲がここに表示されます。",
  },
  connection: {
    connection: "接続",
    live: "ライブ",
    reconnectingIn: (seconds) => `${seconds}秒後に再接続`,
    reconnecting: "再接続中…",
    offline: "オフライン — ネットワークの復旧を待っています",
    connecting: "接続中…",
  },
  player: {
    play: "再生",
    stop: "停止",
    mute: "ミュート",
    volume: "音量",
    muted: "ミュート中",
    status: {
      stopped: "停止中",
      connecting: "ストリームに接続中…",
      playing: "再生中",
      buffering: "バッファリング中…",
      recovering: "ストリームに再接続中…",
      failed: "再生できませんでした",
      blocked: "「再生」を押すと聴けます",
    },
    sleepTimerStopsAt: (time) => `スリープタイマー：${time}に停止`,
    liveRadio: "ライブラジオ",
    tapToPlay: "再生ボタンで聴き始めましょう",
    blockedByBrowser: "ブラウザーが再生をブロックしました。「再生」を押して開始してください。",
    gaveUp: "ストリームが復旧しません。接続を確認して、もう一度お試しください。",
  },
  settings: {
    theme: "テーマ",
    themeSystem: "システムの設定に合わせる",
    themeDark: "ダーク",
    themeLight: "ライト",
    language: "言語",
    languageAuto: "自動",
    preferRomaji: "曲名や名前をローマ字で表示する",
    streamQuality: "ストリームの音質",
    streamAuto: "自動",
    streamVorbis: "Vorbis（最高音質）",
    streamOpus: "Opus",
    streamMp3: "MP3（最も幅広く対応）",
    sleepTimer: "スリープタイマー",
    sleepNotSet: "未設定",
    sleepStopsAt: (time) => `${time}に停止`,
    sleepOff: "オフ",
    sleepInMinutes: (minutes) => `${minutes}分後`,
    sleepEndOfSong: "この曲の終わり",
    songLengthUnknown: "この曲の長さがわかりません。時間で選んでください。",
    notify: "このタブがバックグラウンドにあるとき、曲が変わったら通知する",
    notificationsUnsupported: "このブラウザーは通知を表示できません。",
    notificationsBlocked: "このサイトの通知はブラウザーの設定でブロックされています。",
  },
  shortcuts: {
    space: "スペース",
    playOrStop: "再生／停止",
    muteOrUnmute: "ミュート／ミュート解除",
    volumeUpOrDown: "音量を上げる／下げる",
    station: "J-pop／K-pop",
    showShortcuts: "このショートカット一覧を表示",
    pausedWhileTyping: "入力欄に入力している間、ショートカットは働きません。",
  },
  details: {
    artists: "アーティスト",
    characters: "キャラクター",
    albums: "アルバム",
    sources: "作品",
    opensInNewTab: "（LISTEN.moe を新しいタブで開きます）",
    copySongInfo: "曲情報をコピー",
    copied: "コピーしました",
    copyNotAllowed: "ここではコピーできません",
  },
  auth: {
    logIn: "ログイン",
    logOut: "ログアウト",
    account: "アカウント",
    dismiss: "閉じる",
    retry: "再試行",
    loadingAccount: "アカウントを読み込み中…",
    avatarOf: (name) => `${name}のアバター`,
    favoriteCount: (_count, formatted) => `お気に入り ${formatted}曲`,
    notice: {
      loggedOut: "ログアウトしました。",
      expired: "セッションの有効期限が切れました。もう一度ログインしてください。",
      otherTab: "別のタブでログアウトしました。",
    },
  },
  login: {
    title: "LISTEN.moe にログイン",
    username: "ユーザー名またはメールアドレス",
    password: "パスワード",
    rememberMe: "ログイン状態を保持する",
    loggingIn: "ログイン中…",
    twoFactorCode: "二段階認証コード",
    enterCode: (digits) => `認証アプリに表示されている${digits}桁のコードを入力してください。`,
    timeLeft: (clock) => `残り時間：${clock}`,
    checkingCode: "コードを確認中…",
    verify: "確認",
    backToPassword: "パスワード入力に戻る",
    missing: "ユーザー名またはメールアドレスと、パスワードを入力してください。",
    wrongCredentials:
      "ユーザー名（またはメールアドレス）とパスワードが一致しません。確認して、もう一度お試しください。",
    wrongCode: "コードが正しくありません。認証アプリに表示されている現在のコードを入力してください。",
    mfaExpired: "二段階認証の時間切れです。もう一度パスワードでログインして、やり直してください。",
    failed: "ログインできませんでした。もう一度お試しください。",
  },
  queue: {
    requestQueue: "リクエストキュー",
    songs: (_count, formatted) => `${formatted}曲`,
    empty: "キューに曲はありません",
    queued: (songs) => `キューに${songs}`,
    yours: (_count, formatted) => `うち${formatted}曲があなたのリクエスト`,
    yoursIsNext: "次はあなたのリクエスト曲です！",
    beforeYours: (songs) => `あなたの曲まであと${songs}`,
  },
  favorites: {
    add: "お気に入りに追加",
    remove: "お気に入りから削除",
    favorite: (title) => `「${title}」をお気に入り`,
    addFailed: (reason) => `この曲をお気に入りに追加できませんでした。${reason}`,
    removeFailed: (reason) => `この曲をお気に入りから削除できませんでした。${reason}`,
  },
  errors: {
    network: "LISTEN.moe に接続できません。インターネット接続を確認して、もう一度お試しください。",
    timeout: "LISTEN.moe の応答に時間がかかっています。少ししてからもう一度お試しください。",
    server: "LISTEN.moe 側で問題が起きました。しばらくしてからもう一度お試しください。",
    "rate-limited": "短い時間に何度も試行されました。1分ほど待ってから、もう一度お試しください。",
    unauthorized: "セッションの有効期限が切れました。もう一度ログインしてください。",
    rejected: "LISTEN.moe がリクエストを拒否しました。",
    "bad-response":
      "LISTEN.moe から、このプレイヤーが解釈できない応答が届きました。後でもう一度お試しください。",
    serverSaid: (text) => `LISTEN.moe からのメッセージ：${text}`,
    unknown: "問題が発生しました。もう一度お試しください。",
  },
};

export const DICTIONARIES: Readonly<Record<Language, Messages>> = { en, ja };

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
export const useT = () => useStore(store, (s) => DICTIONARIES[s.language]);
export const useLanguage = () => useStore(store, (s) => s.language);
/** The tag Intl formatters use; read it in render so numbers and times follow a switch. */
export const useLocale = () => useStore(store, (s) => s.locale);

export const getT = (): Messages => DICTIONARIES[store.getState().language];
export const getLanguage = (): Language => store.getState().language;
export const currentLocale = (): string => store.getState().locale;

export function setLanguage(language: Language) {
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
