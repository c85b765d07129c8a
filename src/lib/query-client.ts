import { QueryClient } from "@tanstack/react-query";
import { isGraphqlError } from "./graphql-client";

const MAX_RETRIES = 2;

interface QueryClientOptions {
  /** Tests pass `false`: a failure should show at once, not after backoff. */
  retry?: boolean;
}

/** Retry only what may fix itself (network, timeout, 5xx); a "no" from the server stays a no. */
export function createQueryClient({ retry = true }: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: retry
          ? (failures, error) => failures < MAX_RETRIES && isGraphqlError(error) && error.transient
          : false,
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
