/**
 * Who is logged in. The token lives in memory; it reaches localStorage only when the person ticked
 * "Remember me", and it is wiped from both on logout or when the server stops accepting it.
 */
import { createStore, useStore } from "zustand";

export interface AuthNotice {
  tone: "info" | "warning";
  /** Which message to show; the words are looked up when shown, in the page's language. */
  kind: "loggedOut" | "expired" | "otherTab";
}

interface AuthState {
  token: string | null;
  /** Bumped at every login, so cached answers from an earlier session never stand in for this one. */
  session: number;
  remembered: boolean;
  notice: AuthNotice | null;
}

const STORAGE_KEY = "lm.auth.v1";
/** LISTEN.moe tokens last about 30 days; stop trusting a remembered one a little before (protocol §4.3). */
export const REMEMBER_MAX_AGE_MS = 28 * 24 * 60 * 60 * 1000;
/** JWT characters (plus the "mfa." prefix); anything else in storage was not written by us. */
const TOKEN_PATTERN = /^[\w.~+/=-]{1,4096}$/;

export const NOTICE = {
  loggedOut: { tone: "info", kind: "loggedOut" },
  expired: { tone: "warning", kind: "expired" },
  otherTab: { tone: "info", kind: "otherTab" },
} as const satisfies Record<string, AuthNotice>;

/** Storage is untrusted: a token comes back only if it is well formed and not too old. */
export function readStoredToken(raw: string | null, now = Date.now()): string | null {
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    const { token, savedAt } = data;
    if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return null;
    if (typeof savedAt !== "number" || savedAt > now || now - savedAt > REMEMBER_MAX_AGE_MS) return null;
    return token;
  } catch {
    return null;
  }
}

function loadToken(): string | null {
  try {
    return readStoredToken(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function saveToken(token: string) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, savedAt: Date.now() }));
  } catch {
    // Private mode or a full quota: the login still holds for this visit.
  }
}

function forgetToken() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

function initialState(): AuthState {
  const token = loadToken();
  if (!token) forgetToken();
  return { token, session: token ? 1 : 0, remembered: token !== null, notice: null };
}

const store = createStore<AuthState>(initialState);

export const useAuthToken = () => useStore(store, (s) => s.token);
export const useIsLoggedIn = () => useStore(store, (s) => s.token !== null);
/** The current login's number, or null when logged out: the key for per-user queries. */
export const useAuthSession = () => useStore(store, (s) => (s.token === null ? null : s.session));
export const useAuthNotice = () => useStore(store, (s) => s.notice);
/** What the gateway's identify frame wants: "Bearer <token>", or "" when anonymous. */
export const useGatewayAuth = () => useStore(store, (s) => (s.token ? `Bearer ${s.token}` : ""));

export const getAuthToken = () => store.getState().token;
export const getGatewayAuth = () => {
  const { token } = store.getState();
  return token ? `Bearer ${token}` : "";
};
export const getAuthSession = () => {
  const { token, session } = store.getState();
  return token === null ? null : session;
};

/** Calls `listener` with the new token (or null) whenever someone logs in or out. */
export function subscribeToAuth(listener: (token: string | null) => void): () => void {
  return store.subscribe((next, prev) => {
    if (next.token !== prev.token) listener(next.token);
  });
}

export function loggedIn(token: string, remember: boolean) {
  if (remember) saveToken(token);
  else forgetToken();
  store.setState((s) => ({ token, session: s.session + 1, remembered: remember, notice: null }));
}

function ended(notice: AuthNotice) {
  forgetToken();
  store.setState({ token: null, remembered: false, notice });
}

export function loggedOut() {
  ended(NOTICE.loggedOut);
}

/**
 * The server said the token is no good. `token` is the one the failed request carried: an answer to
 * an earlier session's request must not log out the session that replaced it.
 */
export function sessionExpired(token: string | null = getAuthToken()) {
  if (token === null || token !== getAuthToken()) return;
  ended(NOTICE.expired);
}

export function noticeDismissed() {
  store.setState({ notice: null });
}

export function resetAuthStore() {
  forgetToken();
  store.setState({ token: null, session: 0, remembered: false, notice: null }, true);
}

// Another tab with the same remembered login logged in or out: follow it.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const { token, remembered } = store.getState();
    const stored = readStoredToken(event.newValue);
    if (stored && !token) {
      store.setState((s) => ({ token: stored, session: s.session + 1, remembered: true, notice: null }));
    } else if (!stored && token && remembered) {
      store.setState({ token: null, remembered: false, notice: NOTICE.otherTab });
    }
  });
}
