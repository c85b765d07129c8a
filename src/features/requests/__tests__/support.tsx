/** Shared by the requests tests: a GraphQL link, a logged-in page, the production error envelope. */
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { graphql, HttpResponse } from "msw";
import { type ReactNode, StrictMode } from "react";
import { afterEach, vi } from "vitest";
import { currentAuthorization, provideAuthorization } from "@/lib/authorization";
import { graphqlEndpoint } from "@/lib/graphql-client";
import { createQueryClient } from "@/lib/query-client";

export const api = graphql.link(graphqlEndpoint());
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

export function renderWithClient(ui: ReactNode) {
  const client = createQueryClient({ retry: false });
  const result = render(
    <StrictMode>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </StrictMode>,
  );
  return { client, ...result };
}

/** A promise a test resolves when it wants a held response to go out. */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
