/**
 * Checks shared by every dictionary test (the page's own in lib/ and each lazily loaded feature's
 * MessageSet): the same keys as English, a real text for each, and translations that are not copies.
 */
import { expect } from "vitest";
import type { Language, MessageSet } from "@/lib/i18n";

type Entry = [path: string, value: unknown];

/** Every leaf of a dictionary, by its dotted path. */
export function leaves(node: object, prefix = ""): Entry[] {
  return Object.entries(node).flatMap(([key, value]): Entry[] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? leaves(value, path) : [[path, value]];
  });
}

/** A message as a person would read it: functions are called with plausible arguments. */
export function sample(value: unknown): unknown {
  if (typeof value !== "function") return value;
  const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : "X"));
  return value(...args);
}

/**
 * Fails unless `language` has exactly English's keys, a non-empty text for each, and (for a
 * translation) its own wording everywhere but the paths listed in `sameAsEnglish`.
 */
export function expectTranslation<M extends object>(
  set: MessageSet<M>,
  language: Language,
  sameAsEnglish: ReadonlySet<string> = new Set(),
) {
  const english = leaves(set.en);
  const byPath = new Map(leaves(set[language]));
  expect([...byPath.keys()].sort(), `${language} keys`).toEqual(english.map(([path]) => path).sort());
  for (const [path, englishValue] of english) {
    const value = byPath.get(path);
    expect(typeof value, path).toBe(typeof englishValue);
    const text = sample(value);
    expect(typeof text, path).toBe("string");
    expect((text as string).trim(), path).not.toBe("");
    if (language !== "en" && !sameAsEnglish.has(path)) {
      expect(text, `${language} ${path} is a copy of the English`).not.toBe(sample(englishValue));
    }
  }
}
