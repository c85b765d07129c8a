/** The account area's words, loaded with the query islands (see MessageSet in lib/i18n.ts). */
// Types only: the e2e tests read these words under plain Node, where "@/" does not resolve.
import type { MessageSet } from "@/lib/i18n";

const en = {
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
};

export type AccountMessages = typeof en;

const ja: AccountMessages = {
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
};

const ko: AccountMessages = {
  logOut: "로그아웃",
  account: "계정",
  dismiss: "닫기",
  retry: "다시 시도",
  loadingAccount: "계정을 불러오는 중…",
  avatarOf: (name) => `${name} 님의 아바타`,
  favoriteCount: (_count, formatted) => `즐겨찾기 ${formatted}곡`,
  notice: {
    loggedOut: "로그아웃되었습니다.",
    expired: "세션이 만료되었습니다. 다시 로그인하세요.",
    otherTab: "다른 탭에서 로그아웃되었습니다.",
  },
};

export const accountMessages: MessageSet<AccountMessages> = { en, ja, ko };
