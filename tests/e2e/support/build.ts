import { build } from "vite";

/** A production build whose endpoints all point at `listenOrigin` (gateway, streams, CDN, GraphQL proxy). */
export async function buildPlayer({ listenOrigin, outDir }: { listenOrigin: string; outDir: string }) {
  const saved = { ...process.env };
  process.env.VITE_LISTEN_ORIGIN = listenOrigin;
  process.env.VITE_CDN_ORIGIN = listenOrigin;
  process.env.VITE_GRAPHQL_URL = "/graphql";
  try {
    await build({ mode: "production", logLevel: "warn", build: { outDir, emptyOutDir: true } });
  } finally {
    for (const key of ["VITE_LISTEN_ORIGIN", "VITE_CDN_ORIGIN", "VITE_GRAPHQL_URL"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}
