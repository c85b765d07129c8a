import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { getAuthToken, resetAuthStore, sessionExpired } from "@/features/auth/auth-store";
import { resetConnectionStore } from "@/features/gateway/connection-store";
import { resetNowPlayingStore } from "@/features/now-playing/now-playing-store";
import { resetPlayerStore } from "@/features/player/player-store";
import { resetPanelStore } from "@/features/search/panel-store";
import { resetSearchStore } from "@/features/search/search-store";
import { resetSettingsStore } from "@/features/settings/settings-store";
import { resetStationStore } from "@/features/station/station-store";
import { provideAuthorization } from "@/lib/authorization";
import { resetDisplayPreferences } from "@/lib/display-preferences";
import { loadLanguage, resetLanguage } from "@/lib/i18n";
import { server } from "./msw-server";

// findBy…/waitFor give up after this long: generous, because the 2-core machines are shared.
configure({ asyncUtilTimeout: 10_000 });

/** Every store the app has: each test starts from the same state, whatever the one before did. */
export const STORE_RESETS = [
  resetAuthStore,
  resetConnectionStore,
  resetNowPlayingStore,
  resetPlayerStore,
  resetSearchStore,
  resetPanelStore,
  resetSettingsStore,
  resetStationStore,
  resetDisplayPreferences,
  resetLanguage,
];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  // Component tests without a session still make requests as the logged-in user, as the session root would.
  provideAuthorization({ token: getAuthToken, rejected: sessionExpired });
  // The app loads Japanese and Korean on demand; tests switch languages synchronously, so have them ready.
  await Promise.all([loadLanguage("ja"), loadLanguage("ko")]);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  for (const reset of STORE_RESETS) reset();
  localStorage.clear();
  vi.useRealTimers();
});
afterAll(() => server.close());
