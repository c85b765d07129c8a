/** The song details dialog's own words, loaded with its chunk (see MessageSet in lib/i18n.ts). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  artists: "Artists",
  characters: "Characters",
  albums: "Albums",
  sources: "Sources",
  copySongInfo: "Copy song info",
  copied: "Copied",
  copyNotAllowed: "Copying is not allowed here",
};

export type SongDetailsMessages = typeof en;

const ja: SongDetailsMessages = {
  artists: "アーティスト",
  characters: "キャラクター",
  albums: "アルバム",
  sources: "作品",
  copySongInfo: "曲情報をコピー",
  copied: "コピーしました",
  copyNotAllowed: "ここではコピーできません",
};

const ko: SongDetailsMessages = {
  artists: "아티스트",
  characters: "캐릭터",
  albums: "앨범",
  sources: "작품",
  copySongInfo: "곡 정보 복사",
  copied: "복사했습니다",
  copyNotAllowed: "여기서는 복사할 수 없습니다",
};

export const songDetailsMessages: MessageSet<SongDetailsMessages> = { en, ja, ko };
