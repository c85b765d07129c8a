/** Shared by the auth and favorites tests: the GraphQL link, a fresh query client, a logged-in user. */
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { graphql, HttpResponse } from "msw";
import { type ReactNode, StrictMode } from "react";
import { graphqlEndpoint } from "@/lib/graphql-client";
import { createQueryClient } from "@/lib/query-client";

/** jsdom resolves the default "/graphql" against http://localhost:3000/; the client does the same. */
export const api = graphql.link(graphqlEndpoint());

export function renderWithClient(ui: ReactNode) {
  const client = createQueryClient({ retry: false });
  // StrictMode as in main.tsx: effects must survive mount → unmount → mount.
  const result = render(
    <StrictMode>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </StrictMode>,
  );
  return { client, ...result };
}

export const KANA = {
  uuid: "0b4b9c6e",
  username: "kana",
  displayName: "Kana",
  avatarImage: "kana avatar.png",
  favorites: { count: 461 },
};

/** `user(username: "@me")` for `token`; anything else is an expired session. */
export function meHandler(token: string, user: Record<string, unknown> = KANA) {
  return api.query("user", ({ request, variables }) => {
    if (request.headers.get("Authorization") !== `Bearer ${token}` || variables.username !== "@me") {
      return HttpResponse.json({ data: null, errors: [{ message: "Invalid authorization." }] });
    }
    return HttpResponse.json({ data: { user } });
  });
}

/** A promise a test resolves when it wants a held response to go out. */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
