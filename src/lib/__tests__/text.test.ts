import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cdnUrl } from "../config";
import { boundedText, wellFormed } from "../text";

/** Strings of any UTF-16 code units, lone surrogates included, plus emoji-heavy ones. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 700 }),
  fc.string({ unit: fc.constantFrom("😀", "👩‍👩‍👧", "a", "\uD83D", "\uDE00", "漢"), maxLength: 400 }),
);

const isWellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("boundedText", () => {
  it("is well formed, at most max code points, and a prefix of the well-formed input", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 350 }), (input, max) => {
        const out = boundedText(input, max);
        expect(isWellFormed(out)).toBe(true);
        expect([...out].length).toBeLessThanOrEqual(max);
        expect(wellFormed(input).startsWith(out)).toBe(true);
        // Nothing that fits is cut.
        if ([...wellFormed(input)].length <= max) expect(out).toBe(wellFormed(input));
        expect(() => encodeURIComponent(out)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it("never cuts an emoji in half at the cap", () => {
    expect(boundedText("ab😀", 3)).toBe("ab😀");
    expect(boundedText("ab😀c", 2)).toBe("ab");
    expect(boundedText("😀".repeat(400), 300)).toBe("😀".repeat(300));
  });

  it("replaces lone surrogates and keeps real pairs", () => {
    expect(wellFormed("a\uD83Db")).toBe("a\uFFFDb");
    expect(wellFormed("\uDE00")).toBe("\uFFFD");
    expect(wellFormed("😀")).toBe("😀");
  });
});

describe("cdnUrl", () => {
  it("is total: any file name gives a URL with one encoded segment, or no image", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 100 }), (file) => {
        const url = cdnUrl("covers", file, "https://cdn.example");
        if (url === null) return;
        expect(url.startsWith("https://cdn.example/covers/")).toBe(true);
        expect(url.slice("https://cdn.example/covers/".length)).not.toContain("/");
      }),
      { numRuns: 500 },
    );
    expect(cdnUrl("covers", "bad\uD800.jpg", "https://cdn.example")).toBeNull();
  });
});
