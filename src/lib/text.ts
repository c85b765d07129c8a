/**
 * Server strings become screen text, storage and URL segments. Two rules make every later step total:
 * a lone half of a UTF-16 surrogate pair becomes U+FFFD (encodeURIComponent throws on one, and it is
 * never meaningful), and a cap counts code points, so it never cuts an emoji in half.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The same text with every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, everywhere). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** At most `max` code points of `text`, well formed. Long input is read only as far as needed. */
export function boundedText(text: string, max: number): string {
  // Each code point is at most two code units: anything past 2·max units cannot be kept.
  const head = wellFormed(text.length > max * 2 + 1 ? text.slice(0, max * 2 + 1) : text);
  let count = 0;
  let end = 0;
  for (const codePoint of head) {
    if (count === max) break;
    count++;
    end += codePoint.length;
  }
  return head.slice(0, end);
}
