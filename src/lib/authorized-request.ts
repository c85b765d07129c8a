/**
 * GraphQL requests as the logged-in user, whoever lib/authorization.ts says that is: features that
 * need a login (favorites, the account) share this without importing each other.
 */
import type * as v from "valibot";
import { currentAuthorization } from "./authorization";
import { GraphqlError, type GraphqlRequest, graphqlRequest, isGraphqlError } from "./graphql-client";

/** When the server rejects the token, the session ends everywhere before the error reaches the caller. */
export async function authorizedRequest<TSchema extends v.GenericSchema>(
  request: Omit<GraphqlRequest<TSchema>, "token">,
): Promise<v.InferOutput<TSchema>> {
  const authorization = currentAuthorization();
  const token = authorization?.token() ?? null;
  if (!authorization || !token) throw new GraphqlError("unauthorized");
  try {
    return await graphqlRequest({ ...request, token });
  } catch (error) {
    if (isGraphqlError(error, "unauthorized")) authorization.rejected(token);
    throw error;
  }
}
