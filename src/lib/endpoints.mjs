/**
 * The one place that turns `VITE_*` settings into endpoint origins. Plain JavaScript so that the app,
 * vite.config.ts and the Node server (src/server/serve.mjs) all read the same defaults.
 */

export const DEFAULT_LISTEN_ORIGIN = "https://listen.moe";
export const DEFAULT_CDN_ORIGIN = "https://cdn.listen.moe";
export const DEFAULT_GRAPHQL_URL = "/graphql";
/** Where production's event images live (the Android test capture: "https://i.imgur.com/G3nzMLQ.png"). */
export const DEFAULT_IMAGE_ORIGINS = "https://i.imgur.com";

/** @param {string} url */
const trimSlash = (url) => url.replace(/\/+$/, "");

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * `VITE_IMAGE_ORIGINS`: comma-separated origins that may serve event images. Each must be an https
 * origin (http only on a loopback host, for local stand-ins) with no path; anything else is a
 * configuration mistake and stops the build rather than silently allowing or blocking images.
 * @param {string} list
 * @returns {string[]}
 */
export function parseImageOrigins(list) {
  const origins = list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(`VITE_IMAGE_ORIGINS: "${entry}" is not a URL`);
      }
      const secure =
        url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
      if (!secure) throw new Error(`VITE_IMAGE_ORIGINS: "${entry}" must be https (http only on loopback)`);
      if (trimSlash(url.href) !== url.origin)
        throw new Error(`VITE_IMAGE_ORIGINS: "${entry}" must be an origin, without a path`);
      return url.origin;
    });
  return [...new Set(origins)];
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {import("./endpoints.d.mts").Endpoints}
 */
export function readEndpoints(env) {
  return {
    listenOrigin: trimSlash(env.VITE_LISTEN_ORIGIN || DEFAULT_LISTEN_ORIGIN),
    cdnOrigin: trimSlash(env.VITE_CDN_ORIGIN || DEFAULT_CDN_ORIGIN),
    graphqlUrl: env.VITE_GRAPHQL_URL || DEFAULT_GRAPHQL_URL,
    imageOrigins: parseImageOrigins(env.VITE_IMAGE_ORIGINS || DEFAULT_IMAGE_ORIGINS),
  };
}
