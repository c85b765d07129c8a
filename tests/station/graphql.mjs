// POST /graphql (protocol §4.1-§4.2), executed with the real `graphql` package against
// schema.graphql. Errors use Apollo's envelope: HTTP 200 with `{"data":..., "errors":[...]}` for
// resolver errors, HTTP 400 for unparsable bodies, parse and validation errors. Here: the schema,
// accounts and the core resolvers. Error texts: graphql-errors.mjs; objects: graphql-objects.mjs;
// favorites/search/requests/queue: graphql-library.mjs; HTTP, CORS and HTTP faults: graphql-http.mjs.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, execute, GraphQLError, parse, validate } from "graphql";
import { findAccount, findProfile } from "./accounts.mjs";
import { authError, formatError, notFound } from "./graphql-errors.mjs";
import { createGraphqlHttp } from "./graphql-http.mjs";
import { createLibrary } from "./graphql-library.mjs";
import { createObjects } from "./graphql-objects.mjs";
import { createRequestLedger } from "./requests-ledger.mjs";
import { bearerToken } from "./tokens.mjs";

// Paths, not URL objects: a jsdom test environment replaces the global URL, which fs does not accept.
const HERE = dirname(fileURLToPath(import.meta.url));
const SCHEMA = buildSchema(readFileSync(join(HERE, "schema.graphql"), "utf8"));

/**
 * @param {object} deps
 * @param {import("./catalogue.mjs").Catalogue} deps.catalogue
 * @param {Record<"jpop"|"kpop", import("./stations.mjs").Station>} deps.stations
 * @param {ReturnType<typeof import("./accounts.mjs").createFavorites>} deps.favorites
 * @param {ReturnType<typeof import("./tokens.mjs").createTokenStore>} deps.tokens
 * @param {import("./faults.mjs").Faults} deps.faults
 * @param {object} deps.config live configuration (mfaCode, cors, graphqlHangMs)
 * @param {(...args: unknown[]) => void} deps.log
 * @param {ReturnType<typeof import("./inject.mjs").createProfileOverrides>} [deps.profiles] test overrides
 */
export function createGraphql({ catalogue, stations, favorites, tokens, faults, config, log, profiles }) {
  const { songObject, profileFields } = createObjects({ catalogue, stations });
  const ledger = createRequestLedger(stations);
  const userObject = (raw) => {
    const profile = profiles ? profiles.apply(raw) : raw;
    return { ...profileFields(profile), ...library.userFields(profile) };
  };

  /** The account behind the request's Bearer session token, or an auth error. */
  const requireUser = (ctx) => {
    const username = tokens.resolve(ctx.bearer, "session");
    const account = username ? findAccount(username) : null;
    if (!account) throw authError();
    return account;
  };

  const library = createLibrary({
    catalogue,
    stations,
    favorites,
    ledger,
    faults,
    seed: config.seed ?? 42,
    songObject,
    userObject,
    requireUser,
  });

  // --- resolvers ------------------------------------------------------------------------------
  const root = {
    ...library.root,
    user: ({ username }, ctx) => {
      if (username === "@me") return userObject(requireUser(ctx));
      const profile = findProfile(username);
      return profile ? userObject(profile) : null;
    },
    checkFavorite: ({ songs }, ctx) => {
      const account = requireUser(ctx);
      return songs.filter((id) => favorites.has(account.username, id));
    },
    playStatistics: ({ offset, count, last, kpop }) => {
      const station = stations[kpop ? "kpop" : "jpop"];
      const plays = station.plays();
      const start = Math.max(0, offset ?? 0);
      const size = Math.min(100, Math.max(0, count ?? last ?? 10));
      return {
        count: plays.length,
        songs: plays.slice(start, start + size).map((play) => ({
          id: play.id,
          createdAt: String(play.startedAt),
          jpop: station.key === "jpop",
          kpop: station.key === "kpop",
          song: songObject(station.songOf(play)),
          requester: play.requester
            ? userObject(findProfile(play.requester.username) ?? { ...play.requester })
            : null,
        })),
      };
    },
    song: ({ id }) => {
      const song = catalogue.songs.get(id);
      return song ? songObject(song) : null;
    },
    login: ({ username, password }) => {
      const account = findAccount(username);
      if (!account || account.password !== password) throw authError();
      if (account.mfa) return { user: null, mfa: true, token: tokens.issue(account, "mfa") };
      return { user: userObject(account), mfa: false, token: tokens.issue(account, "session") };
    },
    loginMFA: ({ token: code }, ctx) => {
      const username = tokens.resolve(ctx.bearer, "mfa");
      const account = username ? findAccount(username) : null;
      if (!account) throw authError();
      if (String(code).trim() !== String(config.mfaCode)) {
        throw new GraphQLError("Invalid two-factor code.", { extensions: { code: "BAD_USER_INPUT" } });
      }
      tokens.revoke(ctx.bearer);
      return { user: userObject(account), token: tokens.issue(account, "session") };
    },
    favoriteSong: ({ id }, ctx) => {
      const account = requireUser(ctx);
      library.checkFault("favoriteSong");
      const song = catalogue.songs.get(id);
      if (!song) throw notFound();
      favorites.toggle(account.username, id);
      return songObject(song);
    },
  };

  /**
   * Runs one GraphQL request (no HTTP and no HTTP-level faults; `operation` faults apply). Useful in-process.
   * @returns {Promise<{status: number, body: object}>}
   */
  async function run({ query, variables, operationName, authorization }) {
    let document;
    try {
      document = parse(query);
    } catch (error) {
      return { status: 400, body: { errors: [formatError(error, "GRAPHQL_PARSE_FAILED")] } };
    }
    const invalid = validate(SCHEMA, document);
    if (invalid.length > 0) {
      return {
        status: 400,
        body: { errors: invalid.map((e) => formatError(e, "GRAPHQL_VALIDATION_FAILED")) },
      };
    }
    const result = await execute({
      schema: SCHEMA,
      document,
      rootValue: root,
      contextValue: { bearer: bearerToken(authorization) },
      variableValues: variables ?? undefined,
      operationName: operationName ?? undefined,
    });
    const body = {};
    if ("data" in result) body.data = result.data;
    if (result.errors) body.errors = result.errors.map((e) => formatError(e, "INTERNAL_SERVER_ERROR"));
    return { status: "data" in result ? 200 : 400, body };
  }

  const http = createGraphqlHttp({ run, faults, config, log });
  return { ...http, run, ledger };
}
