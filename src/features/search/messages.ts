/** The search panel's own words, loaded with its chunk (the box's label is on the first screen, in lib/i18n-*). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  results: "Search results",
  /** Which station's catalogue the results come from. */
  scope: (station: string) => `${station} songs`,
  favoritesOnly: "Favorites only",
  searching: (query: string) => `Searching for “${query}”…`,
  found: (count: number, formatted: string, query: string) =>
    `${formatted} ${count === 1 ? "song matches" : "songs match"} “${query}”`,
  /** A full page came back: more may follow, so the count is a floor. */
  foundMore: (formatted: string, query: string) => `The first ${formatted} songs that match “${query}”`,
  none: (query: string) => `No songs match “${query}”.`,
  noFavorites: (query: string) => `None of your favorites match “${query}”.`,
  failed: (reason: string) => `The search did not work. ${reason}`,
  retry: "Retry",
  showMore: "Show more results",
  loadingMore: "Loading more…",
  album: "Album",
  source: "Source",
  close: "Close search",
};

export const searchMessages: MessageSet<typeof en> = {
  en,
  ja: {
    results: "検索結果",
    scope: (station) => `${station}の曲`,
    favoritesOnly: "お気に入りのみ",
    searching: (query) => `「${query}」を検索中…`,
    found: (_count, formatted, query) => `「${query}」に一致する曲: ${formatted}曲`,
    foundMore: (formatted, query) => `「${query}」に一致する曲: 最初の${formatted}曲`,
    none: (query) => `「${query}」に一致する曲はありません。`,
    noFavorites: (query) => `お気に入りに「${query}」に一致する曲はありません。`,
    failed: (reason) => `検索できませんでした。${reason}`,
    retry: "再試行",
    showMore: "さらに表示",
    loadingMore: "読み込み中…",
    album: "アルバム",
    source: "作品",
    close: "検索を閉じる",
  },
  ko: {
    results: "검색 결과",
    scope: (station) => `${station} 곡`,
    favoritesOnly: "즐겨찾기만",
    searching: (query) => `‘${query}’ 검색 중…`,
    found: (_count, formatted, query) => `‘${query}’ 검색 결과 ${formatted}곡`,
    foundMore: (formatted, query) => `‘${query}’ 검색 결과 중 처음 ${formatted}곡`,
    none: (query) => `‘${query}’에 대한 검색 결과가 없습니다.`,
    noFavorites: (query) => `즐겨찾기에서 ‘${query}’에 대한 검색 결과가 없습니다.`,
    failed: (reason) => `검색하지 못했습니다. ${reason}`,
    retry: "다시 시도",
    showMore: "결과 더 보기",
    loadingMore: "더 불러오는 중…",
    album: "앨범",
    source: "작품",
    close: "검색 닫기",
  },
};
