/** The request queue line's words, loaded with the query islands (see MessageSet in lib/i18n.ts). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  requestQueue: "Request queue",
  songs: (count: number, formatted: string) => `${formatted} ${count === 1 ? "song" : "songs"}`,
  empty: "No songs queued",
  queued: (songs: string) => `${songs} queued`,
  yours: (count: number, formatted: string) =>
    `${formatted} of your requests ${count === 1 ? "is" : "are"} queued`,
  yoursIsNext: "Your song is next!",
  yoursNextAfter: (count: number, formatted: string, songs: string) =>
    `${formatted} of your requests ${count === 1 ? "is" : "are"} queued; the next plays after ${songs}`,
};

export type QueueMessages = typeof en;

const ja: QueueMessages = {
  requestQueue: "リクエストキュー",
  songs: (_count, formatted) => `${formatted}曲`,
  empty: "キューに曲はありません",
  queued: (songs) => `キューに${songs}`,
  yours: (_count, formatted) => `あなたのリクエスト${formatted}曲がキューにあります`,
  yoursIsNext: "次はあなたのリクエスト曲です！",
  yoursNextAfter: (_count, formatted, songs) =>
    `あなたのリクエスト${formatted}曲がキューにあります。次の曲まであと${songs}`,
};

const ko: QueueMessages = {
  requestQueue: "신청곡 대기열",
  songs: (_count, formatted) => `${formatted}곡`,
  empty: "대기 중인 곡이 없습니다",
  queued: (songs) => `대기 중 ${songs}`,
  yours: (_count, formatted) => `내 신청곡 ${formatted}곡이 대기 중`,
  yoursIsNext: "다음 곡은 내 신청곡입니다!",
  yoursNextAfter: (_count, formatted, songs) =>
    `내 신청곡 ${formatted}곡이 대기 중, 다음 신청곡까지 ${songs} 남음`,
};

export const queueMessages: MessageSet<QueueMessages> = { en, ja, ko };
