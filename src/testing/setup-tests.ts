import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { resetAuthStore } from "@/features/auth/auth-store";
import { resetFavoritesStore } from "@/features/favorites/favorites-store";
import { resetConnectionStore } from "@/features/gateway/connection-store";
import { resetNowPlayingStore } from "@/features/now-playing/now-playing-store";
import { loadLanguage } from "@/lib/i18n";
import { server } from "./msw-server";

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  // The app loads Japanese on demand; tests switch languages synchronously, so have it ready.
  await loadLanguage("ja");
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetNowPlayingStore();
  resetConnectionStore();
  resetAuthStore();
  resetFavoritesStore();
  localStorage.clear();
  vi.useRealTimers();
});
afterAll(() => server.close());
