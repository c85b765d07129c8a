/**
 * The security headers every response carries, from `npm start` and from the nginx front alike. This
 * list is the one source: serve.mjs sends it, and the build writes the nginx include from it
 * (nginx-config.mjs), so the two servers cannot drift apart.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** Headers that do not depend on the build. */
export const STATIC_SECURITY_HEADERS = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
});

/**
 * @param {string | null} policy the header form of the Content Security Policy (dist/csp.txt)
 * @returns {Record<string, string>}
 */
export function securityHeaders(policy) {
  return policy
    ? { ...STATIC_SECURITY_HEADERS, "Content-Security-Policy": policy }
    : { ...STATIC_SECURITY_HEADERS };
}

/** The CSP the build was made with, written by the build into dist/csp.txt (see vite.config.ts). */
export async function readPolicy(dist) {
  try {
    return (await readFile(join(dist, "csp.txt"), "utf8")).trim() || null;
  } catch {
    return null;
  }
}
