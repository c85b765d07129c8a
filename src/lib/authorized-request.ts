/**
 * GraphQL requests as the logged-in user. Who that is comes from outside: the session root provides
 * a token getter and what to do when the server rejects the token, so features that need a login
 * (favorites, the account) share this without importing each other.
 */
import type * as v from "valibot";
import { GraphqlError, type GraphqlRequest, graphqlRequest, isGraphqlError } from "./graphql-client";

export interface Authorization {
  /** The current token, or null when nobody is logged in. */
  token(): string | null;
  /** The server said "Invalid authorization" for `token`: end that session (not a newer one). */
  rejected(token: string): void;
}

let provided: Authorization | null = null;

/** Installs the page's authorization; returns the function that removes it again. */
export function provideAuthorization(authorization: Authorization): () => void {
  provided = authorization;
  return () => {
    if (provided === authorization) provided = null;
  };
}

/** When the server rejects the token, the session ends everywhere before the error reaches the caller. */
export async function authorizedRequest<TSchema extends v.GenericSchema>(
  request: Omit<GraphqlRequest<TSchema>, "token">,
): Promise<v.InferOutput<TSchema>> {
  const authorization = provided;
  const token = authorization?.token() ?? null;
  if (!authorization || !token) throw new GraphqlError("unauthorized");
  try {
    return await graphqlRequest({ ...request, token });
  } catch (error) {
    if (isGraphqlError(error, "unauthorized")) authorization.rejected(token);
    throw error;
  }
}
