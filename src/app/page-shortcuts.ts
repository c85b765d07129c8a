/**
 * Which page-wide shortcut, if any, a keydown is. The rule: a shortcut only ever takes a key that
 * nothing else on the page would use.
 *
 * - Only single printable characters (and the Stop media key). Space, Enter, the arrows, Page Up/Down,
 *   Home and End scroll the page or work the focused control (a button, the volume slider, the tabs,
 *   a row in a list), so they are never shortcuts: the volume slider takes the arrows itself.
 * - Never with Ctrl, Alt or Meta, so the browser's own combinations (Ctrl+1, Cmd+M…) stay intact.
 * - Never while the focus is somewhere that reads characters: a field, a select, an editable region,
 *   or a widget with type-ahead or its own keys (list box, menu, tree, grid, slider, spin button…).
 * - Never while a dialog is open: it owns the keyboard.
 * - Character shortcuts can be turned off (WCAG 2.1.4, Character Key Shortcuts); the media key is
 *   not a character and means the same everywhere on the system, so it stays.
 */

export type PageShortcut =
  | "play-or-stop"
  | "mute"
  | "volume-up"
  | "volume-down"
  | "jpop"
  | "kpop"
  | "search"
  | "help"
  | "stop";

const CHARACTER_KEYS: Readonly<Record<string, PageShortcut>> = {
  k: "play-or-stop",
  K: "play-or-stop",
  m: "mute",
  M: "mute",
  "+": "volume-up",
  // "=" is the unshifted "+" key on US and Korean layouts.
  "=": "volume-up",
  "-": "volume-down",
  "1": "jpop",
  "2": "kpop",
  "/": "search",
  "?": "help",
};

const MEDIA_KEYS: Readonly<Record<string, PageShortcut>> = {
  MediaStop: "stop",
};

/** Focus inside any of these means typed characters (and every other key) are theirs. */
const READS_KEYS = [
  "input",
  "textarea",
  "select",
  "audio",
  "video",
  "[contenteditable]:not([contenteditable='false'])",
  ...[
    "textbox",
    "searchbox",
    "combobox",
    "listbox",
    "menu",
    "menubar",
    "tree",
    "treegrid",
    "grid",
    "slider",
    "spinbutton",
    "radiogroup",
    "application",
  ].map((role) => `[role='${role}']`),
].join(", ");

const OPEN_DIALOG = "[role='dialog'], [role='alertdialog'], dialog[open]";

function focusReadsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest(READS_KEYS) !== null;
}

function dialogOpen(target: EventTarget | null): boolean {
  const root = target instanceof Node ? target.ownerDocument : null;
  return (root ?? document).querySelector(OPEN_DIALOG) !== null;
}

/** Own keys only: a key named "constructor" is not a shortcut. */
function lookUp(table: Readonly<Record<string, PageShortcut>>, key: string): PageShortcut | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

type KeyFacts = Pick<
  KeyboardEvent,
  "key" | "target" | "ctrlKey" | "altKey" | "metaKey" | "isComposing" | "defaultPrevented"
>;

/** The shortcut this keydown triggers, or null when the key belongs to the browser or the focus. */
export function pageShortcutFor(event: KeyFacts, characterShortcutsOn: boolean): PageShortcut | null {
  if (event.defaultPrevented || event.isComposing) return null;
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const media = lookUp(MEDIA_KEYS, event.key);
  if (media) return media;
  const shortcut = lookUp(CHARACTER_KEYS, event.key);
  if (!shortcut || !characterShortcutsOn) return null;
  if (focusReadsKeys(event.target) || dialogOpen(event.target)) return null;
  return shortcut;
}
