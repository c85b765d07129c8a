import type * as v from "valibot";
import { GraphqlError, type GraphqlRequest, graphqlRequest, isGraphqlError } from "@/lib/graphql-client";
import { getAuthToken, sessionExpired } from "../auth-store";

/**
 * A GraphQL request as the logged-in user. When the server rejects the token ("Invalid authorization"),
 * the session ends everywhere before the error reaches the caller.
 */
export async function authorizedRequest<TSchema extends v.GenericSchema>(
  request: Omit<GraphqlRequest<TSchema>, "token">,
): Promise<v.InferOutput<TSchema>> {
  const token = getAuthToken();
  if (!token) throw new GraphqlError("unauthorized");
  try {
    return await graphqlRequest({ ...request, token });
  } catch (error) {
    if (isGraphqlError(error, "unauthorized")) sessionExpired(token);
    throw error;
  }
}
