import { afterEach, describe, expect, it, vi } from "vitest";

const KEY = "lm.settings.v2";

/** The store as a new page load finds it: a fresh module that reads localStorage once. */
async function reload() {
  vi.resetModules();
  return import("../settings-store");
}

afterEach(() => vi.resetModules());

describe("the keyboard shortcuts setting", () => {
  it("is on by default, also for entries written before it existed", async () => {
    expect((await reload()).getSettings().keyboardShortcuts).toBe(true);
    localStorage.setItem(KEY, JSON.stringify({ version: 2, theme: "dark" }));
    const settings = (await reload()).getSettings();
    expect(settings.keyboardShortcuts).toBe(true);
    expect(settings.theme).toBe("dark");
  });

  it("persists being turned off, and back on, across reloads", async () => {
    (await reload()).keyboardShortcutsToggled(false);
    expect(JSON.parse(localStorage.getItem(KEY) ?? "{}")).toMatchObject({
      version: 2,
      keyboardShortcuts: false,
    });
    const later = await reload();
    expect(later.getSettings().keyboardShortcuts).toBe(false);
    later.keyboardShortcutsToggled(true);
    expect((await reload()).getSettings().keyboardShortcuts).toBe(true);
  });

  it.each([["false"], [0], [null], [{}]])("ignores a stored %j and keeps the default on", async (stored) => {
    localStorage.setItem(KEY, JSON.stringify({ version: 2, keyboardShortcuts: stored, theme: "light" }));
    const settings = (await reload()).getSettings();
    expect(settings.keyboardShortcuts).toBe(true);
    expect(settings.theme).toBe("light");
  });
});
