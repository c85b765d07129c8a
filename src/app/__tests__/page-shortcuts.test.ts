import { render, screen, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { type PageShortcut, pageShortcutFor } from "../page-shortcuts";

/** Where the focus can be: each builds its markup and returns the element that gets the keys. */
const FOCUS_TARGETS = {
  "the page itself": () => document.body,
  "a button in a list row": () =>
    build("<ul><li><span>A song</span><button>Favorite</button></li></ul>", "button"),
  "a link": () => build('<p><a href="/kpop">K-pop</a></p>', "a"),
  "a station tab": () => build('<div role="tablist"><button role="tab">J-pop</button></div>', "[role=tab]"),
  "a plain focusable region": () => build('<section tabindex="0">Now playing</section>', "section"),
  "the volume slider": () => build('<input type="range" aria-label="Volume">', "input"),
  "a text field": () => build('<input type="text" aria-label="Name">', "input"),
  "the search box": () => build('<input type="search" aria-label="Search songs">', "input"),
  "a checkbox": () => build('<input type="checkbox" aria-label="Remember me">', "input"),
  "a textarea": () => build('<textarea aria-label="Note"></textarea>', "textarea"),
  "a select": () => build('<select aria-label="Theme"><option>Dark</option></select>', "select"),
  // jsdom focuses only what it knows to be focusable; tabindex makes the editing host one.
  "an editable region": () => build('<div contenteditable="true" tabindex="0"><b>bold</b></div>', "div"),
  "an option in a list box": () =>
    build('<ul role="listbox"><li role="option" tabindex="0">Vorbis</li></ul>', "[role=option]"),
  "an item in a menu": () =>
    build('<div role="menu"><div role="menuitem" tabindex="0">Copy</div></div>', "[role=menuitem]"),
  "a cell in a grid": () =>
    build(
      '<div role="grid"><div role="row"><div role="gridcell" tabindex="0">1</div></div></div>',
      "[role=gridcell]",
    ),
  "a custom slider": () => build('<div role="slider" tabindex="0" aria-valuenow="5"></div>', "[role=slider]"),
  "a radio in a group": () =>
    build('<div role="radiogroup"><button role="radio">Opus</button></div>', "[role=radio]"),
  "a button in an open dialog": () =>
    build('<div role="dialog" aria-modal="true"><button>Close</button></div>', "button"),
  "the page behind an open dialog": () => {
    build('<div role="dialog" aria-modal="true"><button>Close</button></div>', "button");
    return document.body;
  },
  "a native dialog": () => build("<dialog open><button>OK</button></dialog>", "button"),
} satisfies Record<string, () => HTMLElement>;

type Target = keyof typeof FOCUS_TARGETS;

/** The targets where nothing reads typed characters, so character shortcuts may answer. */
const LEAVES_CHARACTERS = new Set<Target>([
  "the page itself",
  "a button in a list row",
  "a link",
  "a station tab",
  "a plain focusable region",
]);

const CHARACTER_SHORTCUTS: [key: string, shortcut: PageShortcut][] = [
  ["k", "play-or-stop"],
  ["K", "play-or-stop"],
  ["m", "mute"],
  ["M", "mute"],
  ["+", "volume-up"],
  ["=", "volume-up"],
  ["-", "volume-down"],
  ["1", "jpop"],
  ["2", "kpop"],
  ["/", "search"],
  ["?", "help"],
];

/** Keys that scroll the page or work the focused control: never a shortcut, wherever the focus is. */
const BROWSER_KEYS = [
  " ",
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "PageUp",
  "PageDown",
  "Home",
  "End",
  "Enter",
  "Tab",
  "Escape",
  "Backspace",
  "a",
  "3",
  "constructor",
];

const MODIFIERS = [{ ctrlKey: true }, { altKey: true }, { metaKey: true }] as const;

function build(html: string, focusSelector: string): HTMLElement {
  const host = document.createElement("div");
  host.innerHTML = html;
  document.body.append(host);
  const target = host.querySelector<HTMLElement>(focusSelector);
  if (!target) throw new Error(`no ${focusSelector} in ${html}`);
  return target;
}

/** Presses `key` where the focus is, as the browser would, and reports what the page's listener decides. */
function press(target: HTMLElement, key: string, shortcutsOn = true, init: KeyboardEventInit = {}) {
  target.focus();
  // Otherwise the key would go to the page, and the case would test the page instead.
  expect(document.activeElement).toBe(target);
  let decided: PageShortcut | null | undefined;
  const listen = (event: KeyboardEvent) => {
    decided = pageShortcutFor(event, shortcutsOn);
  };
  document.addEventListener("keydown", listen);
  document.activeElement?.dispatchEvent(
    new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }),
  );
  document.removeEventListener("keydown", listen);
  return decided;
}

afterEach(() => {
  document.body.replaceChildren();
});

const targets = Object.keys(FOCUS_TARGETS) as Target[];

describe("which keys page shortcuts take, by where the focus is", () => {
  describe.each(targets)("focus on %s", (name) => {
    const leaves = LEAVES_CHARACTERS.has(name);

    it.each(CHARACTER_SHORTCUTS)(`${leaves ? "takes" : "leaves"} %s`, (key, shortcut) => {
      expect(press(FOCUS_TARGETS[name](), key)).toBe(leaves ? shortcut : null);
    });

    it.each(BROWSER_KEYS)("leaves %j to the browser and the focused control", (key) => {
      expect(press(FOCUS_TARGETS[name](), key)).toBeNull();
    });

    it("leaves every character key with Ctrl, Alt or Meta", () => {
      for (const modifier of MODIFIERS)
        for (const [key] of CHARACTER_SHORTCUTS)
          expect(
            press(FOCUS_TARGETS[name](), key, true, modifier),
            `${key} ${JSON.stringify(modifier)}`,
          ).toBeNull();
    });

    it("takes no character key when single-key shortcuts are off", () => {
      for (const [key] of CHARACTER_SHORTCUTS)
        expect(press(FOCUS_TARGETS[name](), key, false), key).toBeNull();
    });

    it("still answers the Stop media key, which is no character", () => {
      expect(press(FOCUS_TARGETS[name](), "MediaStop", false)).toBe("stop");
    });
  });

  it("leaves keys while an input method composes, and keys another handler already took", () => {
    expect(press(document.body, "m", true, { isComposing: true })).toBeNull();
    const takeFirst = (event: Event) => event.preventDefault();
    document.body.addEventListener("keydown", takeFirst);
    expect(press(document.body, "m")).toBeNull();
    document.body.removeEventListener("keydown", takeFirst);
  });
});

describe("the shortcuts dialog", () => {
  it("lists exactly the character keys the page answers, each doing what its line says", async () => {
    const { ShortcutsDialog } = await import("../shortcuts-dialog");
    const { unmount } = render(createElement(ShortcutsDialog, { onClose() {} }));
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    const listed = within(dialog)
      .getAllByRole("term")
      .map((term) => ({
        keys: (term.textContent ?? "").split(" / "),
        action: term.nextElementSibling?.textContent,
      }));
    // While the dialog is open the page answers no key: ask it with the dialog closed.
    unmount();
    const answered = new Map<PageShortcut, string | null | undefined>();
    for (const { keys, action } of listed)
      for (const shown of keys) {
        // A letter is shown as its key cap and pressed without Shift.
        const key = /^[A-Z]$/.test(shown) ? shown.toLowerCase() : shown;
        const shortcut = press(document.body, key);
        expect(shortcut, `${shown} (${action})`).not.toBeNull();
        if (shortcut) answered.set(shortcut, action);
      }
    const everyCharacterShortcut = new Set(CHARACTER_SHORTCUTS.map(([, shortcut]) => shortcut));
    expect(new Set(answered.keys())).toEqual(everyCharacterShortcut);
    expect(answered.get("volume-up")).toBe("Volume up or down");
    expect(answered.get("play-or-stop")).toBe("Play or stop");
  });
});
