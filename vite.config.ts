/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, loadEnv } from "vite";

const src = fileURLToPath(new URL("./src", import.meta.url));

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "VITE_");
  const listenOrigin = env.VITE_LISTEN_ORIGIN || "https://listen.moe";
  return {
    plugins: [react(), tailwindcss()],
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
            name: "e2e",
            environment: "node",
            include: ["tests/e2e/**/*.test.ts"],
            globalSetup: ["./tests/e2e/global-setup.ts"],
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
