/**
 * Content negotiation for compressed files: RFC 9110 §12.5.3 Accept-Encoding with quality values, so
 * that `br;q=0` means "never brotli" and `*` covers what is not named.
 */

/** What this server can send, best first: brotli is smaller than gzip for the same text. */
const SUPPORTED = ["br", "gzip"];

/** @returns {Map<string, number>} coding → q, lower-cased; a malformed q counts as 0 (refused). */
function parseAcceptEncoding(header) {
  const weights = new Map();
  for (const part of header.split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*(.*)$/.exec(param);
      if (!match) continue;
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(match[1]) ? Number(match[1]) : 0;
    }
    // The first mention of a coding wins, as most servers do; repeats are a client bug.
    if (!weights.has(name)) weights.set(name, q);
  }
  return weights;
}

/**
 * The encoding to send: the supported one with the highest quality, brotli on a tie, or null for the
 * identity (no header, nothing acceptable, or every supported coding refused with q=0).
 * @param {string | undefined} header
 * @returns {"br" | "gzip" | null}
 */
export function pickEncoding(header) {
  if (!header) return null;
  const weights = parseAcceptEncoding(header);
  const wildcard = weights.get("*");
  let best = null;
  let bestQ = 0;
  for (const coding of SUPPORTED) {
    const q = weights.get(coding) ?? wildcard ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}
