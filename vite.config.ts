/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv, type Plugin } from "vite";
import { contentSecurityPolicy, type PolicyEndpoints } from "./src/server/content-security-policy.ts";

function pickViteEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[0].startsWith("VITE_") && !!entry[1],
    ),
  );
}

const src = fileURLToPath(new URL("./src", import.meta.url));

/** Production builds carry their CSP as a meta tag, and as dist/csp.txt for `npm start`'s header. */
function contentSecurityPolicyPlugin(endpoints: PolicyEndpoints): Plugin {
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: {
          "http-equiv": "Content-Security-Policy",
          content: contentSecurityPolicy(endpoints, { forHeader: false }),
        },
        injectTo: "head-prepend",
      },
    ],
    generateBundle() {
      this.emitFile({
        type: "asset",
        fileName: "csp.txt",
        source: `${contentSecurityPolicy(endpoints, { forHeader: true })}\n`,
      });
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), "VITE_"), ...pickViteEnv(process.env) };
  const listenOrigin = env.VITE_LISTEN_ORIGIN || "https://listen.moe";
  const endpoints: PolicyEndpoints = {
    listenOrigin,
    cdnOrigin: env.VITE_CDN_ORIGIN || "https://cdn.listen.moe",
    graphqlUrl: env.VITE_GRAPHQL_URL || "/graphql",
  };
  return {
    plugins: [react(), tailwindcss(), contentSecurityPolicyPlugin(endpoints)],
    resolve: { alias: { "@": src } },
    server: {
      host: "127.0.0.1",
      // Same-origin GraphQL in development, as `npm start` does for the production build.
      proxy: { "/graphql": { target: listenOrigin, changeOrigin: true } },
    },
    build: { target: "es2022", sourcemap: false },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "unit",
            environment: "jsdom",
            include: ["src/**/*.test.{ts,tsx}"],
            setupFiles: ["./src/testing/setup-tests.ts"],
            // Generous: the 2-core machines are shared, and a slow run must not read as a failure.
            testTimeout: 15_000,
          },
        },
        {
          test: {
            name: "station",
            environment: "node",
            include: ["tests/station/**/*.test.{js,mjs}"],
            testTimeout: 20_000,
          },
        },
        {
          test: {
            name: "budget",
            environment: "node",
            include: ["tests/budget/**/*.test.ts"],
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
        {
          test: {
            name: "e2e",
            environment: "node",
            include: ["tests/e2e/**/*.test.ts"],
            globalSetup: ["./tests/e2e/global-setup.ts"],
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          test: {
            // The same scenarios in Chromium, Firefox and WebKit (tests/engines). One file per engine,
            // side by side, each with its own station, build and PulseAudio; after the other projects
            // (groupOrder) so their timing-sensitive browser tests never share the CPU with three engines.
            name: "engines",
            environment: "node",
            include: ["tests/engines/**/*.test.ts"],
            sequence: { groupOrder: 1 },
            maxWorkers: 3,
            testTimeout: 90_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});
