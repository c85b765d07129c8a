// The HTTP side of POST /graphql: body limits, CORS for dev origins, the request log, and the
// "graphql" fault modes (500, errors, wrong-shape, timeout) that act before a query runs.

import { parse } from "graphql";

const BODY_LIMIT = 1024 * 1024;
const LOG_LIMIT = 200;

/**
 * @param {object} deps
 * @param {(request: {query: string, variables?: object, operationName?: string, authorization?: string}) => Promise<{status: number, body: object}>} deps.run
 * @param {import("./faults.mjs").Faults} deps.faults
 * @param {object} deps.config live configuration (cors, graphqlHangMs)
 * @param {(...args: unknown[]) => void} deps.log
 */
export function createGraphqlHttp({ run, faults, config, log }) {
  /** @type {{at:string, operationName:string|null, status:number, fault:string|null}[]} */
  const requests = [];
  const hung = new Set();

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
