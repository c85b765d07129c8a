/** The heart's words (favorite a song, and why that failed), loaded with the query islands (see MessageSet in lib/i18n.ts). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  add: "Add to favorites",
  remove: "Remove from favorites",
  favorite: (title: string) => `Favorite ${title}`,
  checking: (title: string) => `Checking whether ${title} is a favorite…`,
  unavailable: (title: string) => `Favorite status of ${title} unavailable — retry`,
  checkingHint: "Checking favorite status…",
  unavailableHint: "Favorite status unavailable. Press to check again.",
  addFailed: (reason: string) => `Couldn't add this song to your favorites. ${reason}`,
  removeFailed: (reason: string) => `Couldn't remove this song from your favorites. ${reason}`,
};

export type HeartMessages = typeof en;

const ja: HeartMessages = {
  add: "お気に入りに追加",
  remove: "お気に入りから削除",
  favorite: (title) => `「${title}」をお気に入り`,
  checking: (title) => `「${title}」がお気に入りか確認しています…`,
  unavailable: (title) => `「${title}」のお気に入り状態を取得できません — 再試行`,
  checkingHint: "お気に入りの状態を確認しています…",
  unavailableHint: "お気に入りの状態を取得できません。押すともう一度確認します。",
  addFailed: (reason) => `この曲をお気に入りに追加できませんでした。${reason}`,
  removeFailed: (reason) => `この曲をお気に入りから削除できませんでした。${reason}`,
};

const ko: HeartMessages = {
  add: "즐겨찾기에 추가",
  remove: "즐겨찾기에서 삭제",
  favorite: (title) => `‘${title}’ 즐겨찾기`,
  checking: (title) => `‘${title}’ 즐겨찾기 여부 확인 중…`,
  unavailable: (title) => `‘${title}’ 즐겨찾기 상태를 알 수 없음 — 다시 시도`,
  checkingHint: "즐겨찾기 상태 확인 중…",
  unavailableHint: "즐겨찾기 상태를 알 수 없습니다. 누르면 다시 확인합니다.",
  addFailed: (reason) => `이 곡을 즐겨찾기에 추가하지 못했습니다. ${reason}`,
  removeFailed: (reason) => `이 곡을 즐겨찾기에서 삭제하지 못했습니다. ${reason}`,
};

export const heartMessages: MessageSet<HeartMessages> = { en, ja, ko };
