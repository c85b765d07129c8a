/**
 * Who is logged in. The token lives in memory; it reaches localStorage only when the person ticked
 * "Remember me", and it is wiped from both on logout or when the server stops accepting it.
 */
import * as v from "valibot";
import { useStore } from "zustand";
import {
  createPersistedStore,
  createSelectableStore,
  readStoredEntry,
  validFields,
} from "@/lib/persisted-store";

export interface AuthNotice {
  tone: "info" | "warning";
  /** Which message to show; the words are looked up when shown, in the page's language. */
  kind: "loggedOut" | "expired" | "otherTab";
}

interface AuthState {
  token: string | null;
  /** When a remembered token was stored (epoch ms); null when it lives in memory only. */
  savedAt: number | null;
  /** Bumped at every login, so cached answers from an earlier session never stand in for this one. */
  session: number;
  remembered: boolean;
  notice: AuthNotice | null;
}

interface RememberedLogin {
  token: string;
  savedAt: number;
}

const STORAGE_KEY = "lm.auth.v1";
/** LISTEN.moe tokens last about 30 days; stop trusting a remembered one a little before (protocol §4.3). */
export const REMEMBER_MAX_AGE_MS = 28 * 24 * 60 * 60 * 1000;
/** JWT characters (plus the "mfa." prefix); anything else in storage was not written by us. */
const TOKEN_PATTERN = /^[\w.~+/=-]{1,4096}$/;

const REMEMBERED_FIELDS = {
  token: v.pipe(v.string(), v.regex(TOKEN_PATTERN)),
  savedAt: v.pipe(v.number(), v.finite()),
};

export const NOTICE = {
  loggedOut: { tone: "info", kind: "loggedOut" },
  expired: { tone: "warning", kind: "expired" },
  otherTab: { tone: "info", kind: "otherTab" },
} as const satisfies Record<string, AuthNotice>;

/** A stored login is trusted only when well formed and neither from the future nor too old. */
function freshLogin(stored: Partial<RememberedLogin>, now: number): RememberedLogin | null {
  const { token, savedAt } = stored;
  if (token === undefined || savedAt === undefined) return null;
  if (savedAt > now || now - savedAt > REMEMBER_MAX_AGE_MS) return null;
  return { token, savedAt };
}

/** Storage is untrusted: a token comes back only if it is well formed and not too old. */
export function readStoredToken(raw: string | null, now = Date.now()): string | null {
  const entry = readStoredEntry(raw);
  return entry ? (freshLogin(validFields(REMEMBERED_FIELDS, entry.state), now)?.token ?? null) : null;
}

const LOGGED_OUT: AuthState = { token: null, savedAt: null, session: 0, remembered: false, notice: null };

const store = createPersistedStore<AuthState, RememberedLogin>(() => LOGGED_OUT, {
  key: STORAGE_KEY,
  version: 1,
  fields: REMEMBERED_FIELDS,
  pick: ({ token, savedAt, remembered }) =>
    remembered && token !== null && savedAt !== null ? { token, savedAt } : {},
  restore(stored, current) {
    const login = freshLogin(stored, Date.now());
    return login ? { ...current, ...login, session: current.session + 1, remembered: true } : null;
  },
});

export const useIsLoggedIn = () => useStore(store, (s) => s.token !== null);
/** The current login's number, or null when logged out: the key for per-user queries. */
export const useAuthSession = () => useStore(store, (s) => (s.token === null ? null : s.session));
export const useAuthNotice = () => useStore(store, (s) => s.notice);
/** What the gateway's identify frame wants: "Bearer <token>", or "" when anonymous. */
export const useGatewayAuth = () => useStore(store, (s) => (s.token ? `Bearer ${s.token}` : ""));

export const getAuthToken = () => store.getState().token;
/** The current login's number, or null when logged out. */
export const getAuthSessionId = () => {
  const { token, session } = store.getState();
  return token === null ? null : session;
};
export const getGatewayAuth = () => {
  const { token } = store.getState();
  return token ? `Bearer ${token}` : "";
};

/** Calls `listener` with the new token (or null) whenever someone logs in or out. */
export const subscribeToAuth = (listener: (token: string | null) => void) =>
  store.subscribe((s) => s.token, listener);

export function loggedIn(token: string, remember: boolean) {
  store.setState((s) => ({
    token,
    savedAt: remember ? Date.now() : null,
    session: s.session + 1,
    remembered: remember,
    notice: null,
  }));
}

function ended(notice: AuthNotice) {
  store.setState({ token: null, savedAt: null, remembered: false, notice });
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

/** How often another part of the page asked the person to log in (a request that needs a login). */
const loginPrompts = createSelectableStore<{ count: number }>(() => ({ count: 0 }));

export const useLoginPrompts = () => useStore(loginPrompts, (s) => s.count);

/** Opens the login dialog from elsewhere on the page (the account area owns the dialog). */
export function loginPrompted() {
  loginPrompts.setState((s) => ({ count: s.count + 1 }));
}

export function resetAuthStore() {
  store.setState(LOGGED_OUT, true);
  loginPrompts.setState({ count: 0 }, true);
}

/** Another tab with the same remembered login logged in or out: follow it. Returns the disposer. */
export function startAuthSync(window: Window): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const { token, remembered } = store.getState();
    const stored = readStoredEntry(event.newValue);
    const login = stored ? freshLogin(validFields(REMEMBERED_FIELDS, stored.state), Date.now()) : null;
    if (login && !token) {
      // Adopt without writing back: the other tab's entry is already there.
      store.setState((s) => ({ ...login, session: s.session + 1, remembered: true, notice: null }));
    } else if (!login && token && remembered) {
      store.setState({ token: null, savedAt: null, remembered: false, notice: NOTICE.otherTab });
    }
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}
