/** The requests feature's own words, loaded with its chunk (see MessageSet in lib/i18n.ts). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  request: (title: string) => `Request ${title}`,
  requestShort: "Request",
  requesting: "Requesting…",
  requested: "Requested",
  requestedSong: (title: string) => `Requested ${title}`,
  randomFavorite: "Request a random favorite",
  /** The status after a request, by where the song is in the queue (from userQueue). */
  placedNext: (title: string) => `Requested ${title} — it plays next.`,
  placedAfter: (title: string, count: number, songs: string) =>
    `Requested ${title} — ${songs} ${count === 1 ? "plays" : "play"} before it.`,
  placedAmong: (title: string, yours: string, songs: string) =>
    `Requested ${title} — ${yours} of your requests are queued; the next plays after ${songs}.`,
  placedUnknown: (title: string) => `Requested ${title}.`,
  songs: (count: number, formatted: string) => `${formatted} ${count === 1 ? "song" : "songs"}`,
  failed: (title: string) => `Couldn't request ${title}.`,
  failedRandom: "Couldn't request a random favorite.",
  limit: "All requests used for today.",
  queued: "Song already queued.",
  logInToRequest: "Log in to request songs.",
  logIn: "Log in",
  dismiss: "Dismiss",
  aRandomFavorite: "a random favorite",
};

export type RequestsMessages = typeof en;

export const requestsMessages: MessageSet<RequestsMessages> = {
  en,
  ja: {
    request: (title) => `${title}をリクエスト`,
    requestShort: "リクエスト",
    requesting: "リクエスト中…",
    requested: "リクエスト済み",
    requestedSong: (title) => `${title}をリクエストしました`,
    randomFavorite: "お気に入りからランダムにリクエスト",
    placedNext: (title) => `${title}をリクエストしました。次に流れます。`,
    placedAfter: (title, _count, songs) => `${title}をリクエストしました。あと${songs}で流れます。`,
    placedAmong: (title, yours, songs) =>
      `${title}をリクエストしました。あなたのリクエスト${yours}曲がキューにあり、次の曲まであと${songs}です。`,
    placedUnknown: (title) => `${title}をリクエストしました。`,
    songs: (_count, formatted) => `${formatted}曲`,
    failed: (title) => `${title}をリクエストできませんでした。`,
    failedRandom: "お気に入りからのランダムリクエストができませんでした。",
    limit: "今日のリクエストはすべて使いました。",
    queued: "この曲はすでにキューにあります。",
    logInToRequest: "リクエストするにはログインしてください。",
    logIn: "ログイン",
    dismiss: "閉じる",
    aRandomFavorite: "ランダムなお気に入り",
  },
  ko: {
    request: (title) => `${title} 신청`,
    requestShort: "신청",
    requesting: "신청 중…",
    requested: "신청 완료",
    requestedSong: (title) => `${title} 신청 완료`,
    randomFavorite: "즐겨찾기에서 무작위로 신청",
    placedNext: (title) => `${title}을(를) 신청했습니다. 다음 곡으로 나옵니다.`,
    placedAfter: (title, _count, songs) => `${title}을(를) 신청했습니다. ${songs} 뒤에 나옵니다.`,
    placedAmong: (title, yours, songs) =>
      `${title}을(를) 신청했습니다. 내 신청곡 ${yours}곡이 대기 중이며, 다음 신청곡까지 ${songs} 남았습니다.`,
    placedUnknown: (title) => `${title}을(를) 신청했습니다.`,
    songs: (_count, formatted) => `${formatted}곡`,
    failed: (title) => `${title}을(를) 신청하지 못했습니다.`,
    failedRandom: "즐겨찾기 무작위 신청에 실패했습니다.",
    limit: "오늘 신청 가능 횟수를 모두 사용했습니다.",
    queued: "이미 대기열에 있는 곡입니다.",
    logInToRequest: "곡을 신청하려면 로그인하세요.",
    logIn: "로그인",
    dismiss: "닫기",
    aRandomFavorite: "무작위 즐겨찾기",
  },
};
