import { build } from "vite";

const BUILD_ENV = [
  "VITE_LISTEN_ORIGIN",
  "VITE_CDN_ORIGIN",
  "VITE_GRAPHQL_URL",
  "VITE_IMAGE_ORIGINS",
  "NODE_ENV",
] as const;

/**
 * A production build whose endpoints all point at `listenOrigin` (gateway, streams, CDN, GraphQL proxy),
 * with event images allowed from `imageOrigin` (the station's second origin, standing in for i.imgur.com).
 * NODE_ENV is forced to "production": Vitest sets it to "test", which would otherwise give a build with
 * React's development runtime and `import.meta.env.PROD === false` (no service worker).
 */
export async function buildPlayer({
  listenOrigin,
  imageOrigin,
  outDir,
}: {
  listenOrigin: string;
  imageOrigin: string;
  outDir: string;
}) {
  const saved = Object.fromEntries(BUILD_ENV.map((key) => [key, process.env[key]]));
  process.env.VITE_LISTEN_ORIGIN = listenOrigin;
  process.env.VITE_CDN_ORIGIN = listenOrigin;
  process.env.VITE_GRAPHQL_URL = "/graphql";
  process.env.VITE_IMAGE_ORIGINS = imageOrigin;
  process.env.NODE_ENV = "production";
  try {
    await build({ mode: "production", logLevel: "warn", build: { outDir, emptyOutDir: true } });
  } finally {
    for (const key of BUILD_ENV) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}
