import { afterEach, describe, expect, it, vi } from "vitest";
import {
  getAuthToken,
  loggedIn,
  loggedOut,
  REMEMBER_MAX_AGE_MS,
  readStoredToken,
  resetAuthStore,
  sessionExpired,
  subscribeToAuth,
} from "../auth-store";

const KEY = "lm.auth.v1";

/** A page reload: the module is evaluated again and reads storage afresh. */
async function reload() {
  vi.resetModules();
  return import("../auth-store");
}

afterEach(() => resetAuthStore());

describe("auth store", () => {
  it("keeps a remembered token across a reload", async () => {
    loggedIn("remembered.jwt", true);
    expect(getAuthToken()).toBe("remembered.jwt");
    expect(localStorage.getItem(KEY)).toContain("remembered.jwt");
    expect((await reload()).getAuthToken()).toBe("remembered.jwt");
  });

  it("keeps the token in memory only without Remember me", async () => {
    loggedIn("remembered.jwt", true);
    loggedIn("memory.jwt", false);
    expect(getAuthToken()).toBe("memory.jwt");
    expect(localStorage.getItem(KEY)).toBeNull();
    expect((await reload()).getAuthToken()).toBeNull();
  });

  it("forgets the token everywhere on logout", async () => {
    loggedIn("remembered.jwt", true);
    loggedOut();
    expect(getAuthToken()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect((await reload()).getAuthToken()).toBeNull();
  });

  it("ends the session only for the token the server rejected", () => {
    loggedIn("new.jwt", true);
    sessionExpired("old.jwt");
    expect(getAuthToken()).toBe("new.jwt");
    sessionExpired("new.jwt");
    expect(getAuthToken()).toBeNull();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it("tells subscribers when the token changes", () => {
    const seen: (string | null)[] = [];
    const stop = subscribeToAuth((token) => seen.push(token));
    loggedIn("a.jwt", false);
    loggedOut();
    stop();
    loggedIn("b.jwt", false);
    expect(seen).toEqual(["a.jwt", null]);
  });

  it("does not trust malformed, foreign or stale storage", () => {
    const now = Date.UTC(2026, 10, 28);
    const stored = (value: unknown) => JSON.stringify(value);
    expect(readStoredToken(stored({ token: "a.b.c", savedAt: now - 1000 }), now)).toBe("a.b.c");
    expect(
      readStoredToken(stored({ token: "a.b.c", savedAt: now - REMEMBER_MAX_AGE_MS - 1 }), now),
    ).toBeNull();
    expect(readStoredToken(stored({ token: "<script>", savedAt: now }), now)).toBeNull();
    expect(readStoredToken(stored({ token: 42, savedAt: now }), now)).toBeNull();
    expect(readStoredToken("{not json", now)).toBeNull();
    expect(readStoredToken(null, now)).toBeNull();
  });
});
