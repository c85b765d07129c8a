/**
 * `npm start`'s server must outlive any single bad request. Each of these once took the whole process
 * down with an unhandled exception (found while writing the security and fault tests).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { http, passthrough } from "msw";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { server as msw } from "@/testing/msw-server";
import { startServer } from "../serve.mjs";

/** Sends raw HTTP and resolves with the status code, or null if the connection ends without one. */
function raw(port: number, request: string, { hangUpAfterMs }: { hangUpAfterMs?: number } = {}) {
  return new Promise<number | null>((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(request);
      if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
    });
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString();
    });
    const done = () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve(status ? Number(status[1]) : null);
    };
    socket.on("close", done);
    socket.on("error", done);
    socket.setTimeout(5_000, () => socket.destroy());
  });
}

const get = (port: number, path: string) =>
  raw(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

describe("the production server under bad requests", () => {
  let dist: string;
  let upstream: Server;
  let upstreamMode: "cut" | "ok" = "ok";
  let app: { port: number; close(): Promise<void> };

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "serve-test-"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>player</title>");
    upstream = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      if (upstreamMode === "ok") {
        res.end('{"data":{"ok":true}}');
        return;
      }
      // Headers and half a body, then the connection dies.
      res.write('{"data":');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const address = upstream.address();
    const port = typeof address === "object" && address ? address.port : 0;
    app = await startServer({ dist, port: 0, listenOrigin: `http://127.0.0.1:${port}` });
  });
  beforeEach(() => {
    // The server's own fetch to the upstream must reach it, not the test's request mocks.
    msw.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/, () => passthrough()));
    upstreamMode = "ok";
  });
  afterEach(async () => {
    // Whatever the test did, the server still answers.
    expect(await get(app.port, "/")).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => upstream?.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  it("answers a malformed percent-encoding with 400", async () => {
    expect(await get(app.port, "/assets/%E0%A4%A.js")).toBe(400);
    expect(await get(app.port, "/%")).toBe(400);
  });

  it("survives a client that hangs up in the middle of a GraphQL request body", async () => {
    const status = await raw(
      app.port,
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
      { hangUpAfterMs: 50 },
    );
    expect(status).toBeNull();
  });

  it("survives an upstream answer that is cut off mid-body", async () => {
    upstreamMode = "cut";
    const status = await raw(
      app.port,
      "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    // The status line went out before the cut; the body just ends.
    expect(status).toBe(200);
  });

  it("refuses a GraphQL body over 1 MiB with 413 instead of buffering it", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    const status = await raw(
      app.port,
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n${big}`,
    );
    expect(status).toBe(413);
  });

  it("still proxies a normal GraphQL request", async () => {
    const status = await raw(
      app.port,
      "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    expect(status).toBe(200);
  });
});
