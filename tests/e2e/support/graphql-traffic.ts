/**
 * The page's GraphQL traffic as the browser saw it: the requests still on their way, and the
 * operations answered, in the order their answers arrived. Lets a test wait for the request it cares
 * about (a reconcile after a mutation, say) instead of waiting a fixed time for it. Only requests
 * that start after the call are followed.
 */
import type { Page, Request } from "playwright-core";

export interface GraphqlTraffic {
  readonly pending: number;
  /** operationName of each answered request, in order of arrival. */
  readonly answered: string[];
}

export function watchGraphql(page: Page): GraphqlTraffic {
  const inFlight = new Set<Request>();
  const answered: string[] = [];
  const isGraphql = (request: Request) =>
    request.method() === "POST" && new URL(request.url()).pathname === "/graphql";
  const operation = (request: Request) =>
    (request.postDataJSON() as { operationName?: string } | null)?.operationName ?? "(none)";
  page.on("request", (request) => {
    if (isGraphql(request)) inFlight.add(request);
  });
  page.on("requestfinished", (request) => {
    if (!inFlight.delete(request)) return;
    answered.push(operation(request));
  });
  page.on("requestfailed", (request) => {
    inFlight.delete(request);
  });
  return {
    get pending() {
      return inFlight.size;
    },
    answered,
  };
}
