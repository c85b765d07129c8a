/** The keyboard shortcuts dialog's own words, loaded with its chunk (see MessageSet in lib/i18n.ts). */
import type { MessageSet } from "@/lib/i18n";

const en = {
  playOrStop: "Play or stop",
  muteOrUnmute: "Mute or unmute",
  volumeUpOrDown: "Volume up or down",
  station: "J-pop or K-pop",
  showShortcuts: "Show these shortcuts",
  whenTheyRest:
    "Shortcuts rest while you type in a field, while a list box, menu or slider has the focus, and while a dialog is open. Space and the arrow keys keep their usual jobs: they scroll the page and work the focused control, such as the volume slider.",
  turnOffInSettings: "You can turn these single-key shortcuts off in Settings.",
  turnedOff: "Keyboard shortcuts are off. Turn them on in Settings.",
};

export type ShortcutsMessages = typeof en;

const ja: ShortcutsMessages = {
  playOrStop: "再生／停止",
  muteOrUnmute: "ミュート／ミュート解除",
  volumeUpOrDown: "音量を上げる／下げる",
  station: "J-pop／K-pop",
  showShortcuts: "このショートカット一覧を表示",
  whenTheyRest:
    "入力欄に入力している間、リストボックス・メニュー・スライダーにフォーカスがある間、ダイアログが開いている間は、ショートカットは働きません。スペースキーと矢印キーは本来の働きのままです（ページのスクロールや、音量スライダーなどフォーカスのある操作部品の操作）。",
  turnOffInSettings: "これらの一文字キーのショートカットは、設定でオフにできます。",
  turnedOff: "キーボードショートカットはオフになっています。設定でオンにできます。",
};

const ko: ShortcutsMessages = {
  playOrStop: "재생 또는 정지",
  muteOrUnmute: "음소거 또는 음소거 해제",
  volumeUpOrDown: "음량 높이기 또는 낮추기",
  station: "J-pop 또는 K-pop",
  showShortcuts: "이 단축키 보기",
  whenTheyRest:
    "입력란에 입력하는 동안, 목록 상자·메뉴·슬라이더에 포커스가 있는 동안, 대화 상자가 열려 있는 동안에는 단축키가 작동하지 않습니다. 스페이스 키와 화살표 키는 원래 기능 그대로입니다. 페이지를 스크롤하고, 음량 슬라이더처럼 포커스가 있는 컨트롤을 조작합니다.",
  turnOffInSettings: "이 한 글자 단축키는 설정에서 끌 수 있습니다.",
  turnedOff: "키보드 단축키가 꺼져 있습니다. 설정에서 켤 수 있습니다.",
};

export const shortcutsMessages: MessageSet<ShortcutsMessages> = { en, ja, ko };
