/**
 * What a person reads when a request fails (see MessageSet in lib/i18n.ts): only GraphQL code, which
 * loads after the first screen, uses these, so they travel with it.
 */
import type { MessageSet } from "./i18n";

const en = {
  network: "Can't reach LISTEN.moe. Check your internet connection and try again.",
  timeout: "LISTEN.moe is taking too long to answer. Try again in a moment.",
  server: "LISTEN.moe ran into a problem on its side. Try again in a little while.",
  "rate-limited": "Too many attempts in a short time. Wait a minute, then try again.",
  unauthorized: "Your session expired — log in again.",
  rejected: "LISTEN.moe refused the request.",
  "bad-response": "LISTEN.moe sent an answer this player doesn't understand. Try again later.",
  serverSaid: (text: string) => `LISTEN.moe said: ${text}`,
  unknown: "Something went wrong. Try again.",
};

export type ErrorMessages = typeof en;

const ja: ErrorMessages = {
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
};

const ko: ErrorMessages = {
  network: "LISTEN.moe에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.",
  timeout: "LISTEN.moe의 응답이 너무 늦습니다. 잠시 후 다시 시도하세요.",
  server: "LISTEN.moe 쪽에 문제가 생겼습니다. 잠시 후 다시 시도하세요.",
  "rate-limited": "짧은 시간에 너무 많이 시도했습니다. 1분쯤 기다렸다가 다시 시도하세요.",
  unauthorized: "세션이 만료되었습니다. 다시 로그인하세요.",
  rejected: "LISTEN.moe가 요청을 거절했습니다.",
  "bad-response": "LISTEN.moe가 이 플레이어가 이해할 수 없는 응답을 보냈습니다. 나중에 다시 시도하세요.",
  serverSaid: (text) => `LISTEN.moe의 메시지: ${text}`,
  unknown: "문제가 생겼습니다. 다시 시도하세요.",
};

export const errorMessages: MessageSet<ErrorMessages> = { en, ja, ko };
