// Production builds for the bench, pointed at the local station. The profiling variant swaps in
// React's profiling renderer and sets VITE_PROFILE=1, which turns on the <Profiler> wrappers in
// src/app/render-profiler.tsx. vite.config.ts itself is not changed: the override is passed to build().

import { build } from "vite";

const ENV_KEYS = [
  "NODE_ENV",
  "VITE_LISTEN_ORIGIN",
  "VITE_CDN_ORIGIN",
  "VITE_GRAPHQL_URL",
  "VITE_IMAGE_ORIGINS",
  "VITE_PROFILE",
];

/**
 * @param {{listenOrigin: string, imageOrigin: string, outDir: string, profile?: boolean}} options
 */
export async function buildApp({ listenOrigin, imageOrigin, outDir, profile = false }) {
  const saved = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
  // NODE_ENV picks React's build: anything but "production" (vitest sets "test") bundles the dev one.
  process.env.NODE_ENV = "production";
  process.env.VITE_LISTEN_ORIGIN = listenOrigin;
  process.env.VITE_CDN_ORIGIN = listenOrigin;
  process.env.VITE_GRAPHQL_URL = "/graphql";
  process.env.VITE_IMAGE_ORIGINS = imageOrigin;
  if (profile) process.env.VITE_PROFILE = "1";
  else delete process.env.VITE_PROFILE;
  try {
    await build({
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
      ...(profile ? { resolve: { alias: { "react-dom/client": "react-dom/profiling" } } } : {}),
    });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
