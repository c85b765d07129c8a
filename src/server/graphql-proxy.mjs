/**
 * The same-origin /graphql proxy (LISTEN.moe sends no CORS headers for its API). It forwards only what
 * a GraphQL call needs, holds bounded memory (proxy-budget.mjs), drops the upstream call when the
 * client goes away, never follows a redirect, and passes on only JSON: anything else from upstream is
 * answered with 502, so a stray HTML page can never be served from this origin.
 */
import http from "node:http";
import https from "node:https";
import { pipeline } from "node:stream/promises";
import { createProxyBudget } from "./proxy-budget.mjs";

const ALLOWED_METHODS = "GET, POST";
/** application/json, application/graphql-response+json and friends. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
/**
 * The request headers LISTEN.moe needs. Cookies and Origin are deliberately not among them: the API
 * authenticates with the bearer token, this origin's cookies belong to this origin, and an Origin
 * header would present a server-to-server call as a cross-site browser request (README, Security).
 */
const FORWARDED_HEADERS = ["authorization", "content-type", "accept", "accept-language", "user-agent"];

class Refusal extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The client's address as the upstream should see it (IPv4-mapped IPv6 written as plain IPv4). */
export function clientAddress(req) {
  return (req.socket.remoteAddress ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/**
 * Buffers the body within the ticket's share of the budget.
 * @returns {Promise<Buffer>} rejects with a Refusal (413, 503, 408) or when the client hangs up
 */
function readBody(req, ticket, limits) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (declared > limits.maxProxyBodyBytes) {
      reject(new Refusal(413, "Request body too large."));
      return;
    }
    // A declared length is reserved up front, so a client that holds its body open holds only that.
    const reservedUpFront = Number.isFinite(declared);
    if (reservedUpFront && !ticket.reserve(declared)) {
      reject(new Refusal(503, "The server is busy. Try again in a moment."));
      return;
    }
    const chunks = [];
    let size = 0;
    const timer = setTimeout(
      () => fail(new Refusal(408, "The request body took too long to arrive.")),
      limits.proxyBodyTimeoutMs,
    );
    function fail(error) {
      clearTimeout(timer);
      req.off("data", onData);
      req.pause();
      reject(error);
    }
    function onData(chunk) {
      size += chunk.length;
      if (size > limits.maxProxyBodyBytes) fail(new Refusal(413, "Request body too large."));
      else if (!reservedUpFront && !ticket.reserve(chunk.length))
        fail(new Refusal(503, "The server is busy. Try again in a moment."));
      else chunks.push(chunk);
    }
    req.on("data", onData);
    req.once("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.once("close", () => {
      if (!req.complete) fail(new Error("client went away"));
    });
  });
}

/**
 * @param {{ target: string, limits: import("./limits.mjs").Limits,
 *   respond: ReturnType<typeof import("./responses.mjs").createResponder> }} options
 */
export function createGraphqlProxy({ target, limits, respond }) {
  const url = new URL(target);
  const transport = url.protocol === "https:" ? https : http;
  // Its own pool, no bigger than the number of requests allowed in flight.
  const agent = new transport.Agent({
    keepAlive: true,
    maxSockets: limits.maxConcurrentProxy,
    maxFreeSockets: limits.maxConcurrentProxy,
  });
  const budget = createProxyBudget({
    maxConcurrent: limits.maxConcurrentProxy,
    maxBufferedBytes: limits.maxBufferedBytes,
  });

  /** Refusals close the connection: a client refused mid-upload must not keep streaming into it. */
  function refuse(res, status, message) {
    const headers = { connection: "close" };
    if (status === 405) headers.allow = ALLOWED_METHODS;
    if (status === 503) headers["retry-after"] = "1";
    respond.graphqlError(res, status, message, headers);
  }

  /** Calls upstream; resolves with its response, or rejects with a Refusal (502, 504). */
  function callUpstream(req, res, body) {
    return new Promise((resolve, reject) => {
      const headers = { "x-forwarded-for": clientAddress(req) };
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      headers["content-type"] ??= "application/json";
      if (req.method === "POST") headers["content-length"] = String(body.length);
      // A GraphQL GET carries its query in the query string; the path stays /graphql whatever was asked.
      const target = new URL(url);
      target.search = new URL(req.url ?? "", "http://localhost").search;
      const upstreamRequest = transport.request(target, { method: req.method, headers, agent });
      const timer = setTimeout(() => {
        upstreamRequest.destroy();
        reject(new Refusal(504, "The LISTEN.moe API took too long to answer."));
      }, limits.upstreamTimeoutMs);
      // The client hung up: stop the upstream call too, so aborted clients hold no upstream sockets.
      const onClientGone = () => {
        if (!res.writableFinished) upstreamRequest.destroy();
      };
      res.once("close", onClientGone);
      upstreamRequest.once("response", (upstream) => {
        upstream.once("close", () => clearTimeout(timer));
        upstream.once("error", () => {});
        resolve({ upstream, abort: () => upstreamRequest.destroy() });
      });
      upstreamRequest.once("error", () => {
        clearTimeout(timer);
        reject(new Refusal(502, "The LISTEN.moe API could not be reached."));
      });
      upstreamRequest.end(req.method === "POST" ? body : undefined);
    });
  }

  /** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
  return async function proxyGraphql(req, res) {
    if (req.method !== "GET" && req.method !== "POST") {
      refuse(res, 405, "Use GET or POST for /graphql.");
      return;
    }
    const ticket = budget.enter();
    if (!ticket) {
      refuse(res, 503, "The server is busy. Try again in a moment.");
      return;
    }
    res.once("close", ticket.release);
    try {
      const body = req.method === "POST" ? await readBody(req, ticket, limits) : Buffer.alloc(0);
      const { upstream, abort } = await callUpstream(req, res, body);
      const type = upstream.headers["content-type"] ?? "";
      if (upstream.statusCode >= 300 && upstream.statusCode < 400) {
        abort();
        throw new Refusal(502, "The LISTEN.moe API answered with a redirect, which is not followed.");
      }
      if (!JSON_TYPE.test(type)) {
        abort();
        throw new Refusal(502, "The LISTEN.moe API answered with something other than JSON.");
      }
      res.writeHead(upstream.statusCode ?? 502, {
        ...respond.baseHeaders,
        "content-type": type,
        "cache-control": "no-store",
      });
      // An answer cut off upstream ends this response too; it must not crash the server.
      await pipeline(upstream, res).catch(() => res.destroy());
    } catch (error) {
      if (error instanceof Refusal) refuse(res, error.status, error.message);
      else res.destroy();
    }
  };
}
