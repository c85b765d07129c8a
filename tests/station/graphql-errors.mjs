// GraphQL errors in production's envelope (Apollo Server 2: message + extensions.code, HTTP 200).
// Production's wording is unknown (protocol §4.1); these follow the REST-era texts (§4.4).

import { GraphQLError } from "graphql";

const error = (message, code) => () => new GraphQLError(message, { extensions: { code } });

export const authError = error("Invalid authorization.", "UNAUTHENTICATED");
export const notFound = error("No song found.", "NOT_FOUND");
export const noFavorite = error("No favorite found.", "NOT_FOUND");
export const alreadyQueued = error("Song already queued.", "FORBIDDEN");
export const limitReached = error("All requests used for today.", "FORBIDDEN");
export const serverError = error("Internal server error", "INTERNAL_SERVER_ERROR");

/** What the "operation" fault can make a field answer (control.mjs, README "Fault types"). */
export const OPERATION_ERRORS = {
  server: serverError,
  unauthenticated: authError,
  "not-found": notFound,
  "no-favorite": noFavorite,
  queued: alreadyQueued,
  limit: limitReached,
};

/** The fields the "operation" fault can fail (`favorites` and `requests` are User's fields). */
export const OPERATION_FIELDS = [
  "favorites",
  "search",
  "requestSong",
  "requestRandomFavorite",
  "userQueue",
  "queue",
  "requests",
  "favoriteSong",
];

/** Apollo's shape for one error. */
export function formatError(err, fallbackCode) {
  const out = { message: err.message };
  if (err.locations) out.locations = err.locations;
  if (err.path) out.path = err.path;
  out.extensions = { code: err.extensions?.code ?? fallbackCode };
  return out;
}
