// POST /graphql (protocol §4.1-§4.2), executed with the real `graphql` package against
// schema.graphql. Errors use Apollo's envelope: HTTP 200 with `{"data":..., "errors":[...]}` for
// resolver errors, HTTP 400 for unparsable bodies, parse and validation errors. Error texts are in
// graphql-errors.mjs, objects in graphql-objects.mjs, favorites/search/requests/queue in
// graphql-library.mjs.

import { readFileSync } from "node:fs";
import { buildSchema, execute, GraphQLError, parse, validate } from "graphql";
import { findAccount, findProfile } from "./accounts.mjs";
import { authError, formatError, notFound } from "./graphql-errors.mjs";
import { createLibrary } from "./graphql-library.mjs";
import { createObjects } from "./graphql-objects.mjs";
import { createRequestLedger } from "./requests-ledger.mjs";
import { bearerToken } from "./tokens.mjs";

const SCHEMA = buildSchema(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
const BODY_LIMIT = 1024 * 1024;
const LOG_LIMIT = 200;

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
  /** @type {{at:string, operationName:string|null, status:number, fault:string|null}[]} */
  const requests = [];
  const hung = new Set();

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
   * Runs one GraphQL request (no faults, no HTTP). Useful in-process.
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

  function corsHeaders(req) {
    if (config.cors !== "dev" || !req.headers.origin) return {};
    return {
      "Access-Control-Allow-Origin": req.headers.origin,
      "Access-Control-Allow-Credentials": "true",
      "Access-Control-Allow-Headers": "authorization, content-type",
      "Access-Control-Allow-Methods": "POST, OPTIONS",
      "Access-Control-Max-Age": "600",
      Vary: "Origin",
    };
  }

  function send(req, res, status, body, entry) {
    if (entry) entry.status = status;
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(text),
      "Cache-Control": "no-store",
      ...corsHeaders(req),
    });
    res.end(text);
  }

  function readBody(req) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      req.on("data", (chunk) => {
        size += chunk.length;
        if (size > BODY_LIMIT) {
          reject(new Error("Request body too large."));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });
  }

  /** Answers a request held by the "timeout" fault. */
  function release(item) {
    hung.delete(item);
    clearTimeout(item.timer);
    send(
      item.req,
      item.res,
      504,
      { errors: [{ message: "Gateway Timeout", extensions: { code: "TIMEOUT" } }] },
      item.entry,
    );
  }

  faults.on("removed", (fault) => {
    if (fault.type === "graphql" && fault.mode === "timeout") for (const item of [...hung]) release(item);
  });

  /** HTTP handler for /graphql. */
  async function handle(req, res) {
    if (req.method === "OPTIONS") {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST, OPTIONS");
      send(req, res, 405, { errors: [{ message: "GraphQL only supports POST requests here." }] });
      return;
    }
    const entry = { at: new Date().toISOString(), operationName: null, status: 0, fault: null };
    requests.push(entry);
    if (requests.length > LOG_LIMIT) requests.shift();

    let text;
    try {
      text = await readBody(req);
    } catch (error) {
      send(
        req,
        res,
        413,
        { errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] },
        entry,
      );
      return;
    }
    let payload;
    try {
      payload = JSON.parse(text);
    } catch {
      send(
        req,
        res,
        400,
        { errors: [{ message: "POST body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }] },
        entry,
      );
      return;
    }
    if (
      !payload ||
      typeof payload !== "object" ||
      Array.isArray(payload) ||
      typeof payload.query !== "string"
    ) {
      send(
        req,
        res,
        400,
        { errors: [{ message: "Must provide query string.", extensions: { code: "BAD_REQUEST" } }] },
        entry,
      );
      return;
    }
    entry.operationName = payload.operationName ?? null;

    const fault = faults.find("graphql");
    if (fault) {
      faults.consume(fault);
      entry.fault = fault.mode;
      log(`graphql: fault ${fault.mode} for ${entry.operationName ?? "anonymous operation"}`);
      if (fault.mode === "500") {
        send(
          req,
          res,
          500,
          { errors: [{ message: "Internal Server Error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] },
          entry,
        );
        return;
      }
      if (fault.mode === "errors") {
        send(
          req,
          res,
          200,
          {
            data: null,
            errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
          },
          entry,
        );
        return;
      }
      if (fault.mode === "wrong-shape") {
        send(req, res, 200, { data: wrongShape(payload.query) }, entry);
        return;
      }
      if (fault.mode === "timeout") {
        const item = { req, res, entry, timer: null };
        item.timer = setTimeout(() => release(item), Number(fault.params.hangMs ?? config.graphqlHangMs));
        item.timer.unref?.();
        hung.add(item);
        res.on("close", () => {
          hung.delete(item);
          clearTimeout(item.timer);
        });
        return;
      }
    }
    const { status, body } = await run({
      query: payload.query,
      variables: payload.variables,
      operationName: payload.operationName,
      authorization: req.headers.authorization,
    });
    send(req, res, status, body, entry);
  }

  return {
    handle,
    run,
    requests,
    ledger,
    /** Drops requests held by the timeout fault (used on restart/close). */
    destroyHung() {
      for (const item of [...hung]) {
        clearTimeout(item.timer);
        item.res.destroy();
        hung.delete(item);
      }
    },
    clearLog() {
      requests.length = 0;
    },
  };
}

/** Valid JSON whose root fields have the wrong shape, for the "wrong-shape" fault. */
function wrongShape(query) {
  const data = {};
  try {
    const document = parse(query);
    for (const def of document.definitions) {
      for (const sel of def.selectionSet?.selections ?? []) {
        if (sel.kind === "Field") data[sel.alias?.value ?? sel.name.value] = { unexpected: true, items: 42 };
      }
    }
  } catch {
    data.unexpected = true;
  }
  return data;
}
