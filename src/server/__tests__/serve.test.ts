/**
 * `npm start`'s server, over real loopback sockets: it outlives any single bad request, every answer
 * carries the security headers, the cache rule follows the file really served, nothing outside dist/
 * is reachable, and the /graphql proxy forwards only what it should and passes on only JSON.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResponder } from "../responses.mjs";
import { startServer } from "../serve.mjs";
import { get, postGraphql, type RawResponse, raw } from "./raw-http";

const POLICY = "default-src 'self'; frame-ancestors 'none'";
const ASSET = `console.log(${JSON.stringify("hashed asset ".repeat(200))});`;
const INDEX = "<!doctype html><title>player</title>";
const SW = `self.addEventListener("fetch", () => {}); // ${"sw ".repeat(400)}`;

type UpstreamMode = "ok" | "cut" | "redirect" | "html" | "hang" | "json-error";

function expectSecurityHeaders(response: RawResponse) {
  expect(response.headers["content-security-policy"]).toBe(POLICY);
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["x-frame-options"]).toBe("DENY");
  expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
}

describe("every answer the responder writes", () => {
  const statuses = [400, 404, 405, 408, 413, 431, 500, 502, 503, 504];
  let server: Server;
  let port = 0;
  const respond = createResponder({ "X-Content-Type-Options": "nosniff", "Content-Security-Policy": POLICY });

  beforeAll(async () => {
    // /<kind>/<status>: the same helpers serve.mjs and graphql-proxy.mjs answer with, 500 included.
    server = createServer((req, res) => {
      const [, kind, status] = (req.url ?? "").split("/");
      if (kind === "text") respond.text(res, Number(status));
      else if (kind === "graphql") respond.graphqlError(res, Number(status), "failed");
      else respond.raw(req.socket, Number(status));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each(statuses.flatMap((status) => ["text", "graphql", "raw"].map((kind) => [kind, status] as const)))(
    "%s %i carries the security headers",
    async (kind, status) => {
      const response = await get(port, `/${kind}/${status}`);
      expect(response.status).toBe(status);
      expect(response.headers["content-security-policy"]).toBe(POLICY);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["cache-control"]).toBe("no-store");
    },
  );
});

describe("the production server", () => {
  let dist: string;
  let outside: string;
  let upstream: Server;
  let upstreamMode: UpstreamMode = "ok";
  let upstreamSaw: IncomingHttpHeaders[] = [];
  let upstreamPaths: string[] = [];
  let app: { port: number; close(): Promise<void> };
  let deadUpstreamApp: { port: number; close(): Promise<void> };

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "serve-test-"));
    outside = await mkdtemp(join(tmpdir(), "serve-test-outside-"));
    await mkdir(join(dist, "assets"));
    await mkdir(join(dist, "nginx"));
    await writeFile(join(dist, "index.html"), INDEX);
    await writeFile(join(dist, "sw.js"), SW);
    await writeFile(join(dist, "csp.txt"), `${POLICY}\n`);
    await writeFile(join(dist, "assets", "app-abc123.js"), ASSET);
    // The build's gzip copies (precompress.mjs); level 1 so that they differ from what the server would
    // make itself. The second one was left behind by an older build and no longer matches its file.
    await writeFile(join(dist, "assets", "shipped-abc123.js"), ASSET);
    await writeFile(join(dist, "assets", "shipped-abc123.js.gz"), gzipSync(ASSET, { level: 1 }));
    await writeFile(join(dist, "assets", "stale-abc123.js"), ASSET);
    await writeFile(join(dist, "assets", "stale-abc123.js.gz"), gzipSync(`${ASSET}// old`, { level: 1 }));
    await writeFile(join(dist, "nginx", "security-headers.conf"), "add_header X 1;");
    await writeFile(join(outside, "secret.txt"), "outside the build");
    await symlink(join(outside, "secret.txt"), join(dist, "assets", "leak.txt"));
    await symlink(join(outside), join(dist, "assets", "elsewhere"));
    await symlink(join(dist, "sw.js"), join(dist, "assets", "inside.js"));

    upstream = createServer((req, res) => {
      upstreamSaw.push(req.headers);
      upstreamPaths.push(req.url ?? "");
      req.resume();
      if (upstreamMode === "hang") return;
      if (upstreamMode === "redirect") {
        res.writeHead(302, { location: "https://evil.example/", "content-type": "application/json" });
        res.end('{"data":{"redirected":true}}');
        return;
      }
      if (upstreamMode === "html") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<script>alert(document.cookie)</script>");
        return;
      }
      res.writeHead(upstreamMode === "json-error" ? 400 : 200, {
        "content-type": "application/json; charset=utf-8",
        "set-cookie": "session=upstream",
      });
      if (upstreamMode === "cut") {
        // Headers and half a body, then the connection dies.
        res.write('{"data":');
        setTimeout(() => res.socket?.destroy(), 50);
        return;
      }
      res.end(upstreamMode === "json-error" ? '{"errors":[{"message":"bad"}]}' : '{"data":{"ok":true}}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const address = upstream.address();
    const upstreamPort = typeof address === "object" && address ? address.port : 0;
    const limits = { upstreamTimeoutMs: 1_000 };
    app = await startServer({ dist, port: 0, listenOrigin: `http://127.0.0.1:${upstreamPort}`, limits });
    // An origin where nothing listens: port 9 (discard) is closed on loopback.
    deadUpstreamApp = await startServer({ dist, port: 0, listenOrigin: "http://127.0.0.1:9", limits });
  });
  beforeEach(() => {
    upstreamMode = "ok";
    upstreamSaw = [];
  });
  afterEach(async () => {
    // Whatever the test did, the server still answers.
    expect((await get(app.port, "/")).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await deadUpstreamApp?.close();
    upstream?.closeAllConnections();
    await new Promise((resolve) => upstream?.close(resolve));
    await rm(dist, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  describe("bad requests", () => {
    it.each([
      ["an unparseable target", "//["],
      ["a bare host with a broken IPv6 literal", "//[::1"],
      ["a malformed percent-encoding", "/%"],
      ["a truncated UTF-8 sequence", "/assets/%E0%A4%A.js"],
      ["an encoded NUL", "/index%00.html"],
    ])("answers %s (%s) with 400 and the security headers", async (_name, target) => {
      const response = await get(app.port, target);
      expect(response.status).toBe(400);
      expectSecurityHeaders(response);
    });

    it.each([
      ["a broken request line", "GET / HTTP/9\r\n\r\n", 400],
      ["a header without a colon", "GET / HTTP/1.1\r\nHost localhost\r\n\r\n", 400],
      ["headers over Node's limit", `GET / HTTP/1.1\r\nHost: l\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
    ])("answers %s, refused by Node's parser, with the security headers", async (_name, request, status) => {
      const response = await raw(app.port, request);
      expect(response.status).toBe(status);
      expectSecurityHeaders(response);
    });

    it("survives a client that hangs up in the middle of a GraphQL request body", async () => {
      const response = await raw(
        app.port,
        'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
        { hangUpAfterMs: 50 },
      );
      expect(response.status).toBeNull();
    });

    it("refuses a GraphQL body over 1 MiB with 413, declared or streamed", async () => {
      const declared = await raw(
        app.port,
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1048577\r\n\r\n{",
      );
      expect(declared.status).toBe(413);
      expectSecurityHeaders(declared);
      const chunk = "x".repeat(256 * 1024);
      const streamed = await raw(
        app.port,
        `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${`${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(5)}0\r\n\r\n`,
      );
      expect(streamed.status).toBe(413);
    });
  });

  describe("security headers on every answer", () => {
    it.each<[string, (port: number) => Promise<RawResponse>, number]>([
      ["the app", (port) => get(port, "/"), 200],
      ["a deep link", (port) => get(port, "/kpop/favorites"), 200],
      ["a hashed asset", (port) => get(port, "/assets/app-abc123.js"), 200],
      ["a missing file", (port) => get(port, "/nope.js"), 404],
      [
        "a wrong method",
        (port) => raw(port, "DELETE / HTTP/1.1\r\nHost: l\r\nConnection: close\r\n\r\n"),
        405,
      ],
      [
        "a wrong method on /graphql",
        (port) =>
          raw(port, "PUT /graphql HTTP/1.1\r\nHost: l\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
        405,
      ],
      ["a GraphQL answer", (port) => postGraphql(port), 200],
    ])("%s", async (_name, request, status) => {
      const response = await request(app.port);
      expect(response.status).toBe(status);
      expectSecurityHeaders(response);
    });

    it("a 502 when the upstream is down", async () => {
      const response = await postGraphql(deadUpstreamApp.port);
      expect(response.status).toBe(502);
      expectSecurityHeaders(response);
      expect(JSON.parse(response.body).errors[0].message).toMatch(/could not be reached/);
    });
  });

  describe("static files", () => {
    const immutable = "public, max-age=31536000, immutable";

    it.each([
      ["/", INDEX, "no-cache"],
      ["/index.html", INDEX, "no-cache"],
      ["/sw.js", SW, "no-cache"],
      ["/kpop", INDEX, "no-cache"],
      ["/assets/app-abc123.js", ASSET, immutable],
      ["/%61ssets/app-abc123.js", ASSET, immutable],
      ["/assets//app-abc123.js", ASSET, immutable],
      ["/assets/..%2findex.html", INDEX, "no-cache"],
      // The URL parser itself takes an encoded "%2e%2e" segment as "..".
      ["/assets/%2e%2e/sw.js", SW, "no-cache"],
      ["/assets/%2e%2e%2fsw.js", SW, "no-cache"],
      ["/assets/..%5c..%5csw.js", null, null],
    ])("%s serves the right file with the cache rule of that file", async (path, body, cache) => {
      const response = await get(app.port, path);
      if (body === null) {
        expect(response.status).toBe(404);
        return;
      }
      expect(response.status).toBe(200);
      expect(response.body).toBe(body);
      expect(response.headers["cache-control"]).toBe(cache);
    });

    it("caches for good exactly when the file served is a hashed asset, however the path is spelled", async () => {
      // A folder, then dot segments and separators spelled every way a URL can, then a file name.
      const folder = fc.constantFrom("", "assets/", "%61ssets/", "assets%2f");
      const step = fc.constantFrom(
        "../",
        "..%2f",
        "%2e%2e/",
        "%2e%2e%2f",
        ".%2e%2F",
        "./",
        "%2f",
        "assets/",
        "x/",
      );
      const file = fc.constantFrom("index.html", "sw.js", "app-abc123.js");
      await fc.assert(
        fc.asyncProperty(folder, fc.array(step, { maxLength: 3 }), file, async (start, steps, name) => {
          const path = `/${start}${steps.join("")}${name}`;
          const response = await get(app.port, path);
          if (response.status !== 200) return;
          const isAsset = response.body === ASSET;
          expect(response.headers["cache-control"] === immutable, path).toBe(isAsset);
        }),
        { numRuns: 200 },
      );
    });

    it("does not follow a symlink out of the build, but serves one that stays inside", async () => {
      expect((await get(app.port, "/assets/leak.txt")).status).toBe(404);
      expect((await get(app.port, "/assets/elsewhere/secret.txt")).status).toBe(404);
      const inside = await get(app.port, "/assets/inside.js");
      expect(inside.status).toBe(200);
      expect(inside.body).toBe(SW);
    });

    it("does not serve the nginx includes the build writes beside the site", async () => {
      expect((await get(app.port, "/nginx/security-headers.conf")).status).toBe(404);
    });

    it.each([
      ["gzip, deflate, br", "br"],
      ["br;q=0, gzip", "gzip"],
      ["br;q=0", undefined],
      ["gzip;q=0, br;q=0", undefined],
      ["identity", undefined],
    ])("compresses for Accept-Encoding %j as %j", async (accept, encoding) => {
      const response = await get(app.port, "/assets/app-abc123.js", { "Accept-Encoding": accept });
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(response.headers.vary).toBe("Accept-Encoding");
    });

    it.each([
      ["the build's gzip copy when it matches the file", "shipped-abc123.js", gzipSync(ASSET, { level: 1 })],
      ["its own gzip when the copy is stale", "stale-abc123.js", gzipSync(ASSET, { level: 9 })],
    ])("sends %s", async (_, file, expected) => {
      const response = await get(app.port, `/assets/${file}`, { "Accept-Encoding": "br;q=0, gzip" });
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(Number(response.headers["content-length"])).toBe(expected.length);
    });
  });

  describe("the /graphql proxy", () => {
    it("proxies a normal request and answers JSON", async () => {
      const response = await postGraphql(app.port);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ data: { ok: true } });
      expect(response.headers["cache-control"]).toBe("no-store");
    });

    it("passes an upstream GraphQL error answer on as it is", async () => {
      upstreamMode = "json-error";
      const response = await postGraphql(app.port);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).errors[0].message).toBe("bad");
    });

    it("survives an upstream answer that is cut off mid-body", async () => {
      upstreamMode = "cut";
      // The status line went out before the cut; the body just ends.
      expect((await postGraphql(app.port)).status).toBe(200);
    });

    it.each<[UpstreamMode, number, RegExp]>([
      ["redirect", 502, /redirect/],
      ["html", 502, /other than JSON/],
      ["hang", 504, /too long/],
    ])(
      "answers an upstream %s with %i, its own JSON and the security headers",
      async (mode, status, message) => {
        upstreamMode = mode;
        const response = await postGraphql(app.port);
        expect(response.status).toBe(status);
        expectSecurityHeaders(response);
        expect(response.headers["content-type"]).toBe("application/json");
        expect(response.headers.location).toBeUndefined();
        expect(JSON.parse(response.body).errors[0].message).toMatch(message);
      },
    );

    it("forwards the client's address and the token, never its cookies, Origin or a forged X-Forwarded-For", async () => {
      await postGraphql(app.port, "{}", {
        Authorization: "Bearer token-1",
        Cookie: "session=ours",
        Origin: "http://127.0.0.1",
        Referer: "http://127.0.0.1/kpop",
        "X-Forwarded-For": "203.0.113.9",
      });
      const [seen] = upstreamSaw;
      expect(seen?.["x-forwarded-for"]).toBe("127.0.0.1");
      expect(seen?.authorization).toBe("Bearer token-1");
      expect(seen?.["content-type"]).toBe("application/json");
      for (const dropped of ["cookie", "origin", "referer"]) expect(seen?.[dropped]).toBeUndefined();
    });

    it("passes a GraphQL GET's query string on, to /graphql and nowhere else", async () => {
      const seen: string[] = [];
      upstreamPaths = seen;
      expect((await get(app.port, "/graphql?query=%7Bx%7D&operationName=q")).status).toBe(200);
      expect(seen).toEqual(["/graphql?query=%7Bx%7D&operationName=q"]);
    });

    it("does not pass the upstream's cookies on to this origin", async () => {
      const response = await postGraphql(app.port);
      expect(response.headers["set-cookie"]).toBeUndefined();
    });
  });
});
