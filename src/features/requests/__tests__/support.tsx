import { HttpResponse } from "msw";
import { afterEach, vi } from "vitest";
import { currentAuthorization, provideAuthorization } from "@/lib/authorization";

export { api, gate, renderWithClient } from "@/testing/graphql-testing";

export const TOKEN = "requests.jwt";

let restoreAuthorization: (() => void) | null = null;
afterEach(() => {
  restoreAuthorization?.();
  restoreAuthorization = null;
});

/**
 * Requests go out as a logged-in user; `rejected` records a token the server refused. The page's own
 * authorization (setup-tests: nobody logged in) comes back after the test.
 */
export function logIn() {
  const rejected = vi.fn();
  const previous = currentAuthorization();
  const remove = provideAuthorization({ token: () => TOKEN, rejected });
  restoreAuthorization = () => {
    remove();
    if (previous) provideAuthorization(previous);
  };
  return { rejected };
}

/** A resolver from a table of responses (any Response; MSW's resolver types want one body type). */
export const reply = (respond: () => Response) => async () => respond();

/** One error as production's Apollo server sends it: HTTP 200, `data: null`, message, path, code. */
export function refusal(field: string, message: string, code: string): Response {
  return HttpResponse.json({ data: null, errors: [{ message, path: [field], extensions: { code } }] });
}

/** The refusals the station (and, by the REST-era texts, production) gives for a request. */
export const REFUSALS = {
  limit: ["All requests used for today.", "FORBIDDEN"],
  queued: ["Song already queued.", "FORBIDDEN"],
  notFound: ["No song found.", "NOT_FOUND"],
  noFavorite: ["No favorite found.", "NOT_FOUND"],
  unauthenticated: ["Invalid authorization.", "UNAUTHENTICATED"],
  server: ["Internal server error", "INTERNAL_SERVER_ERROR"],
} as const;
