// POST /graphql (protocol §4.1-§4.2), executed with the real `graphql` package against
// schema.graphql. Errors use Apollo's envelope: HTTP 200 with `{"data":..., "errors":[...]}` for
// resolver errors, HTTP 400 for unparsable bodies, parse and validation errors.
//
// Error messages (production's are unknown; these follow the REST-era texts, §4.4):
//   "Invalid authorization."   bad credentials, missing/invalid/expired/revoked token
//   "Invalid two-factor code." wrong one-time code in loginMFA
//   "No song found."           unknown song id
//   "Song already queued." / "All requests used for today."  requestSong

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema, execute, GraphQLError, parse, validate } from "graphql";
import { findAccount, findProfile } from "./accounts.mjs";
import { bearerToken } from "./tokens.mjs";

// Paths, not URL objects: a jsdom test environment replaces the global URL, which fs does not accept.
const HERE = dirname(fileURLToPath(import.meta.url));
const SCHEMA = buildSchema(readFileSync(join(HERE, "schema.graphql"), "utf8"));
const BODY_LIMIT = 1024 * 1024;
const LOG_LIMIT = 200;

const authError = () =>
  new GraphQLError("Invalid authorization.", { extensions: { code: "UNAUTHENTICATED" } });
const notFound = () => new GraphQLError("No song found.", { extensions: { code: "NOT_FOUND" } });

function formatError(error, fallbackCode) {
  const out = { message: error.message };
  if (error.locations) out.locations = error.locations;
  if (error.path) out.path = error.path;
  out.extensions = { code: error.extensions?.code ?? fallbackCode };
  return out;
}

const slugify = (text, id) =>
  /^[\x20-\x7e]+$/.test(text ?? "")
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
    : `song-${id}`;

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

  // --- object builders ----------------------------------------------------------------------
  const character = (id) => {
    const c = catalogue.characters.get(id);
    return { ...c, slug: slugify(c.nameRomaji ?? c.name, c.id) };
  };
  const artist = (id) => {
    const a = catalogue.artists.get(id);
    return {
      id: a.id,
      name: a.name,
      nameRomaji: a.nameRomaji,
      image: a.image,
      slug: slugify(a.nameRomaji ?? a.name, a.id),
      characters: a.characters.map(character),
    };
  };
  const songObject = (song) => {
    const station = stations[song.station];
    return {
      id: song.id,
      title: song.title,
      titleRomaji: song.titleRomaji,
      titleSearchRomaji: song.titleRomaji?.toLowerCase() ?? null,
      slug: slugify(song.titleRomaji ?? song.title, song.id),
      duration: song.duration,
      trackNumber: null,
      group: false,
      snippet: null,
      lastPlayed: () => String(station.plays().find((p) => p.songId === song.id)?.startedAt ?? 0),
      played: () => station.plays().filter((p) => p.songId === song.id).length,
      enabled: true,
      jpop: song.station === "jpop",
      kpop: song.station === "kpop",
      artists: song.artists.map(artist),
      characters: song.characters.map(character),
      albums: song.albums.map((id) => ({ ...catalogue.albums.get(id) })),
      sources: song.sources.map((id) => ({ ...catalogue.sources.get(id) })),
      uploader: null,
    };
  };
  const userObject = (raw) => {
    const profile = profiles ? profiles.apply(raw) : raw;
    return userFields(profile);
  };
  const userFields = (profile) => ({
    uuid: profile.uuid,
    username: profile.username,
    displayName: profile.displayName,
    avatarImage: profile.avatarImage ?? null,
    bannerImage: profile.bannerImage ?? null,
    bio: profile.bio ?? null,
    roles: profile.roles ?? [],
    additionalSongRequests: 0,
    uploadLimit: 2,
    favorites: ({ offset, count, kpop, songId }) => {
      let list = favorites.list(profile.username).filter((f) => catalogue.songs.has(f.songId));
      if (kpop != null)
        list = list.filter((f) => catalogue.songs.get(f.songId).station === (kpop ? "kpop" : "jpop"));
      if (songId != null) list = list.filter((f) => f.songId === songId);
      const start = Math.max(0, offset ?? 0);
      const page = list.slice(start, count != null ? start + Math.max(0, count) : undefined);
      return {
        count: list.length,
        favorites: page.map((f) => ({
          id: f.songId,
          song: songObject(catalogue.songs.get(f.songId)),
          createdAt: String(f.createdAt),
        })),
      };
    },
    uploads: { count: 0 },
    requests: {
      count: Object.values(stations).reduce((n, s) => n + s.queueFor(profile.username).inQueueByUser, 0),
    },
  });

  /** The account behind the request's Bearer session token, or an auth error. */
  const requireUser = (ctx) => {
    const username = tokens.resolve(ctx.bearer, "session");
    const account = username ? findAccount(username) : null;
    if (!account) throw authError();
    return account;
  };

  // --- resolvers ------------------------------------------------------------------------------
  const root = {
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
    queue: ({ kpop }) => {
      const station = stations[kpop ? "kpop" : "jpop"];
      return station.backgroundQueue + station.requests.length;
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
      const song = catalogue.songs.get(id);
      if (!song) throw notFound();
      favorites.toggle(account.username, id);
      return songObject(song);
    },
    requestSong: ({ id, kpop }, ctx) => {
      const account = requireUser(ctx);
      const song = catalogue.songs.get(id);
      if (!song || (kpop != null && song.station !== (kpop ? "kpop" : "jpop"))) throw notFound();
      const station = stations[song.station];
      if (station.requests.some((r) => r.songId === id) || station.current.songId === id) {
        throw new GraphQLError("Song already queued.", { extensions: { code: "FORBIDDEN" } });
      }
      const limit = Math.max(...account.roles.map((r) => r.songRequests ?? 0), 0);
      if (station.queueFor(account.username).inQueueByUser >= limit) {
        throw new GraphQLError("All requests used for today.", { extensions: { code: "FORBIDDEN" } });
      }
      station.request(id, account);
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

    const found = faults.find("graphql");
    // A fault with `operation` only answers that operation (e.g. loginMFA after a good login).
    const fault =
      found && (!found.params.operation || found.params.operation === entry.operationName) ? found : null;
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
      if (fault.mode === "message") {
        const { message, code, status, path } = fault.params;
        const error = { message };
        if (path) error.path = [rootField(payload.query) ?? "unknown"];
        if (code) error.extensions = { code };
        send(req, res, status, { data: null, errors: [error] }, entry);
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

/** The response key of the operation's first root field (where Apollo would put a resolver's error). */
function rootField(query) {
  try {
    for (const def of parse(query).definitions) {
      const field = def.selectionSet?.selections.find((sel) => sel.kind === "Field");
      if (field) return field.alias?.value ?? field.name.value;
    }
  } catch {
    // Not a query we can read: no path.
  }
  return null;
}
