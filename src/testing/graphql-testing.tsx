/** Shared by feature tests that talk GraphQL: the MSW link, a fresh query client, a held response. */
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { graphql } from "msw";
import { type ReactNode, StrictMode } from "react";
import { graphqlEndpoint } from "@/lib/graphql-client";
import { createQueryClient } from "@/lib/query-client";

/** jsdom resolves the default "/graphql" against http://localhost:3000/; the client does the same. */
export const api = graphql.link(graphqlEndpoint());

/** Renders `ui` under a query client that does not retry, in StrictMode as main.tsx does. */
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

/** A promise a test resolves when it wants a held response to go out. */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
