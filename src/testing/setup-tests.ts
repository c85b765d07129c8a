import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { resetAuthStore } from "@/features/auth/auth-store";
import { resetFavoritesStore } from "@/features/favorites/favorites-store";
import { resetConnectionStore } from "@/features/gateway/connection-store";
import { resetNowPlayingStore } from "@/features/now-playing/now-playing-store";
import { server } from "./msw-server";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
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
