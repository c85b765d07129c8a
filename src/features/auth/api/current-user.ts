/** The logged-in user (`user(username: "@me")`, protocol §4.2), for the header. */
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { authorizedRequest } from "@/lib/authorized-request";
import { GraphqlError } from "@/lib/graphql-client";
import { boundedText } from "@/lib/text";
import { getAuthToken, sessionExpired } from "../auth-store";

export const CURRENT_USER_QUERY = `query user($username: String!) {
  user(username: $username) {
    uuid
    username
    displayName
    avatarImage
    favorites {
      count
    }
  }
}`;

export interface CurrentUser {
  uuid: string;
  username: string;
  /** Falls back to the username when the profile has none. */
  displayName: string;
  avatarImage: string | null;
  favoriteCount: number | null;
}

const MAX_TEXT = 100;
const text = v.pipe(
  v.string(),
  v.transform((s) => boundedText(s.trim(), MAX_TEXT)),
);
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const userSchema = v.pipe(
  v.object({
    user: v.nullable(
      v.object({
        uuid: v.string(),
        username: text,
        displayName: v.optional(v.nullable(text), null),
        avatarImage: v.optional(v.nullable(text), null),
        favorites: v.optional(v.nullable(v.object({ count })), null),
      }),
    ),
  }),
  v.transform(({ user }) => user),
);

const currentUserKey = ["auth", "me"] as const;

export const currentUserQueryOptions = (session: number | null) =>
  queryOptions({
    queryKey: [...currentUserKey, session],
    enabled: session !== null,
    staleTime: 5 * 60_000,
    // No abort signal on purpose: StrictMode's remount (and a quick re-render) then reuses the
    // request under way instead of cancelling it and sending another.
    queryFn: async (): Promise<CurrentUser> => {
      const token = getAuthToken();
      const user = await authorizedRequest({
        operationName: "user",
        query: CURRENT_USER_QUERY,
        variables: { username: "@me" },
        schema: userSchema,
      });
      // "@me" with a token that maps to no one: the token is as good as expired.
      if (!user) {
        sessionExpired(token);
        throw new GraphqlError("unauthorized");
      }
      return {
        uuid: user.uuid,
        username: user.username,
        displayName: user.displayName || user.username,
        avatarImage: user.avatarImage,
        favoriteCount: user.favorites?.count ?? null,
      };
    },
  });

/** Ask the server for the true user again (say, after a favorite changed the count). */
export function currentUserChanged(client: QueryClient) {
  return client.invalidateQueries({ queryKey: currentUserKey });
}
