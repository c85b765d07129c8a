import { graphql, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { graphqlEndpoint } from "@/lib/graphql-client";

/**
 * Every J-pop page asks GraphQL `queue` once its query islands start. Tests that are not about the
 * queue line get it unavailable (so the line shows only what their gateway sent); others override it.
 */
const queueUnavailable = graphql
  .link(graphqlEndpoint())
  .query("queue", () => new HttpResponse(null, { status: 503 }));

/** Tests add their own gateway and GraphQL handlers with `server.use(...)`. */
export const server = setupServer(queueUnavailable);
