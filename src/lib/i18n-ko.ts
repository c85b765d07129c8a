/** Korean words for the player: loaded only when Korean is shown, so other pages never carry them. */
import type { Messages } from "./i18n-en";

/** 을 after a final consonant, 를 after a vowel (or anything not Hangul), so no "을(를)" is needed. */
function objectParticle(word: string): string {
  const text = String(word).trim();
  const last = text.codePointAt(text.length - 1) ?? 0;
  const syllable = last - 0xac00;
  return syllable >= 0 && syllable < 11_172 && syllable % 28 !== 0 ? "을" : "를";
}

export const ko: Messages = {
  app: {
    /** The header link to the favorites view. */
    favorites: "즐겨찾기",
    settings: "설정",
    keyboardShortcuts: "키보드 단축키",
    station: "채널",
    stationTitle: (station) => `LISTEN.moe ${station}`,
    documentTitle: (title, artists, station) => `${title} — ${artists} · ${station}`,
    close: "닫기",
    searchSongs: "곡 검색",
  },
  song: {
    unknownName: "알 수 없음",
    untitled: "제목 없음",
    unknownArtist: "알 수 없는 아티스트",
  },
  nowPlaying: {
    /** Said after a link that leaves the player. */
    opensInNewTab: "(새 탭에서 LISTEN.moe 열기)",
    nowPlaying: "지금 재생 중",
    tuningIn: (station) => `${station}에 연결하는 중…`,
    coverOf: (title) => `‘${title}’ 앨범 커버`,
    event: (name) => `이벤트: ${name}`,
    songDetails: "곡 정보",
    source: "작품",
    album: "앨범",
    requestedByLabel: "신청자",
    requestedBy: (name) => `${name} 님의 신청곡`,
    announcement: (title, artists) => `지금 재생 중: ${artists} - ${title}`,
    listeners: (_count, formatted) => `청취자 ${formatted}명`,
    songProgress: "곡 진행 상황",
    progressOf: (elapsed, total) => `${elapsed} / ${total}`,
  },
  history: {
    history: "재생 기록",
    recentlyPlayed: "최근 재생한 곡",
    empty: "재생이 끝난 곡이 여기에 표시됩니다.",
  },
  connection: {
    connection: "연결",
    live: "라이브",
    reconnectingIn: (seconds) => `${seconds}초 후 다시 연결`,
    reconnecting: "다시 연결하는 중…",
    offline: "오프라인 — 네트워크를 기다리는 중",
    unreachable: "LISTEN.moe에 연결할 수 없습니다 — 다시 시도하는 중…",
    unreachableRetryIn: (seconds) => `LISTEN.moe에 연결할 수 없습니다 — ${seconds}초 후 다시 시도`,
    connecting: "연결하는 중…",
  },
  player: {
    play: "재생",
    stop: "정지",
    mute: "음소거",
    volume: "음량",
    muted: "음소거됨",
    status: {
      stopped: "정지됨",
      connecting: "스트림에 연결하는 중…",
      playing: "재생 중",
      buffering: "버퍼링 중…",
      recovering: "스트림에 다시 연결하는 중…",
      failed: "재생하지 못했습니다",
      blocked: "재생을 누르면 들을 수 있습니다",
      "no-output": "오디오 출력이 없습니다 — 사운드 장치를 확인하세요",
    },
    sleepTimerStopsAt: (time) => `취침 타이머: ${time}에 정지`,
    liveRadio: "라이브 라디오",
    tapToPlay: "재생을 눌러 들어 보세요",
    resumesWithDevice: "사운드 장치를 쓸 수 있게 되면 바로 다시 재생합니다",
    blockedByBrowser: "브라우저가 재생을 막았습니다. 재생을 눌러 시작하세요.",
    gaveUp: "스트림이 돌아오지 않습니다. 연결을 확인하고 다시 시도하세요.",
  },
  auth: {
    /** The header's login button (and the place it keeps before the account area loads). */
    logIn: "로그인",
  },
  region: {
    failed: (part) => `${part}${objectParticle(part)} 표시하지 못했습니다. 다음 업데이트 때 다시 시도합니다.`,
    nowPlaying: "지금 재생 중인 곡",
    history: "재생 기록",
    favorites: "즐겨찾기",
    account: "계정",
    player: "플레이어",
    dialog: "이 창",
    page: "페이지",
  },
};
