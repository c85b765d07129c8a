/**
 * What went wrong with a request, as a code the outcome region translates. The server's refusals come
 * as GraphQL errors with FORBIDDEN (a refusal, not a logout); their words are the only thing that
 * tells "limit reached" from "already queued", so the two known texts get their own translated
 * message and any other refusal is shown in the server's own words.
 */
import { isGraphqlError } from "@/lib/graphql-client";

export type RequestProblem =
  | { kind: "limit" }
  | { kind: "queued" }
  /** Nobody is logged in, or the server ended the session: offer to log in. */
  | { kind: "login" }
  /** Anything else (network, timeout, 5xx, another refusal): `errorMessage` tells it. */
  | { kind: "other" };

const LIMIT_TEXT = /all requests used|request limit|no requests left/i;
const QUEUED_TEXT = /already (queued|in the queue|requested)/i;

export function requestProblem(error: unknown): RequestProblem {
  if (isGraphqlError(error, "unauthorized")) return { kind: "login" };
  if (isGraphqlError(error, "rejected")) {
    const said = error.serverMessages.join(" ");
    if (LIMIT_TEXT.test(said)) return { kind: "limit" };
    if (QUEUED_TEXT.test(said)) return { kind: "queued" };
  }
  return { kind: "other" };
}
