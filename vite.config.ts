/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv, type Plugin } from "vite";
import { configDefaults } from "vitest/config";
import { earlyGatewayScript, scriptHash } from "./src/boot/early-gateway-plugin.ts";
import { firstScreenChunkPlugin } from "./src/boot/first-screen-chunk.ts";
import { readEndpoints } from "./src/lib/endpoints.mjs";
import { contentSecurityPolicy, type PolicyEndpoints } from "./src/server/content-security-policy.ts";
import { NGINX_FOLDER, nginxIncludes } from "./src/server/nginx-config.mjs";
import { precompressBuild } from "./src/server/precompress.mjs";

function pickViteEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[0].startsWith("VITE_") && !!entry[1],
    ),
  );
}

const src = fileURLToPath(new URL("./src", import.meta.url));

/**
 * Production builds carry their CSP as a meta tag, as dist/csp.txt for `npm start`'s header, and in
 * dist/nginx/ as includes for the nginx front, which also gets a .gz beside every text file.
 * index.html also gets the gateway bootstrap (src/boot/early-gateway.js) inline, allowed by its hash:
 * the socket opens while the bundle is still loading.
 */
/** Where index.html wants the bootstrap: after the charset and title, before any stylesheet. */
const EARLY_GATEWAY_MARKER = "<!-- early gateway bootstrap (production builds) -->";

function contentSecurityPolicyPlugin(endpoints: PolicyEndpoints): Plugin {
  const bootstrap = earlyGatewayScript(endpoints.listenOrigin);
  const scriptHashes = [scriptHash(bootstrap)];
  return {
    name: "content-security-policy",
    apply: "build",
    transformIndexHtml: (html) => ({
      // In place of the marker: before the stylesheet, which a classic script would wait for.
      html: html.replace(EARLY_GATEWAY_MARKER, `<script id="lm-gateway-bootstrap">${bootstrap}</script>`),
      tags: [
        {
          tag: "meta",
          attrs: {
            "http-equiv": "Content-Security-Policy",
            content: contentSecurityPolicy(endpoints, { forHeader: false, scriptHashes }),
          },
          injectTo: "head-prepend",
        },
      ],
    }),
    generateBundle() {
      const policy = contentSecurityPolicy(endpoints, { forHeader: true, scriptHashes });
      this.emitFile({ type: "asset", fileName: "csp.txt", source: `${policy}\n` });
      // The nginx front (deploy/nginx/) includes these, so it sends exactly what `npm start` sends.
      for (const [name, source] of Object.entries(
        nginxIncludes({ policy, listenOrigin: endpoints.listenOrigin }),
      )) {
        this.emitFile({ type: "asset", fileName: `${NGINX_FOLDER}/${name}`, source });
      }
    },
    async writeBundle(options) {
      if (options.dir) await precompressBuild(options.dir);
    },
  };
}

export default defineConfig(({ mode }) => {
  const env = { ...loadEnv(mode, process.cwd(), "VITE_"), ...pickViteEnv(process.env) };
  const endpoints: PolicyEndpoints = readEndpoints(env);
  return {
    plugins: [react(), tailwindcss(), contentSecurityPolicyPlugin(endpoints), firstScreenChunkPlugin()],
    resolve: { alias: { "@": src } },
    server: {
      host: "127.0.0.1",
      // Same-origin GraphQL in development, as `npm start` does for the production build.
      proxy: { "/graphql": { target: endpoints.listenOrigin, changeOrigin: true } },
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
            exclude: [...configDefaults.exclude, "src/server/**"],
            setupFiles: ["./src/testing/setup-tests.ts"],
            // Generous: the 2-core machines are shared, and a slow run must not read as a failure.
            testTimeout: 15_000,
          },
        },
        {
          // The production server over real sockets, with no request mocking in the way.
          extends: true,
          test: {
            name: "server",
            environment: "node",
            include: ["src/server/**/*.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          test: {
            name: "station",
            environment: "node",
            // The station's conformance tests, and scripts run against the station (probe-live).
            include: ["tests/station/**/*.test.{js,mjs}", "scripts/**/*.test.mjs"],
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
            // side by side, each with its own station, build and PulseAudio, in a group of their own
            // (groupOrder 1): after unit, server, station and budget, and before e2e, whose files run
            // one at a time (fileParallelism: false) in the sequential group Vitest runs last. So no
            // timing-sensitive browser test ever shares the CPU with three engines.
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
