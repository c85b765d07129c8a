/**
 * The one place that turns `VITE_*` settings into endpoint origins. Plain JavaScript so that the app,
 * vite.config.ts and the Node server (src/server/serve.mjs) all read the same defaults.
 */

export const DEFAULT_LISTEN_ORIGIN = "https://listen.moe";
export const DEFAULT_CDN_ORIGIN = "https://cdn.listen.moe";
export const DEFAULT_GRAPHQL_URL = "/graphql";

/** @param {string} url */
const trimSlash = (url) => url.replace(/\/+$/, "");

/**
 * @param {Record<string, string | undefined>} env
 * @returns {import("./endpoints.d.mts").Endpoints}
 */
export function readEndpoints(env) {
  return {
    listenOrigin: trimSlash(env.VITE_LISTEN_ORIGIN || DEFAULT_LISTEN_ORIGIN),
    cdnOrigin: trimSlash(env.VITE_CDN_ORIGIN || DEFAULT_CDN_ORIGIN),
    graphqlUrl: env.VITE_GRAPHQL_URL || DEFAULT_GRAPHQL_URL,
  };
}
