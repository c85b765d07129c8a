/** The keyboard shortcuts dialog's own words, loaded with its chunk (see MessageSet in lib/i18n.ts). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  space: "Space",
  playOrStop: "Play or stop",
  muteOrUnmute: "Mute or unmute",
  volumeUpOrDown: "Volume up or down",
  station: "J-pop or K-pop",
  showShortcuts: "Show these shortcuts",
  pausedWhileTyping: "Shortcuts pause while you type in a field.",
};

export type ShortcutsMessages = typeof en;

const ja: ShortcutsMessages = {
  space: "スペース",
  playOrStop: "再生／停止",
  muteOrUnmute: "ミュート／ミュート解除",
  volumeUpOrDown: "音量を上げる／下げる",
  station: "J-pop／K-pop",
  showShortcuts: "このショートカット一覧を表示",
  pausedWhileTyping: "入力欄に入力している間、ショートカットは働きません。",
};

const ko: ShortcutsMessages = {
  space: "스페이스",
  playOrStop: "재생 또는 정지",
  muteOrUnmute: "음소거 또는 음소거 해제",
  volumeUpOrDown: "음량 높이기 또는 낮추기",
  station: "J-pop 또는 K-pop",
  showShortcuts: "이 단축키 보기",
  pausedWhileTyping: "입력란에 입력하는 동안에는 단축키가 작동하지 않습니다.",
};

export const shortcutsMessages: MessageSet<ShortcutsMessages> = { en, ja, ko };
