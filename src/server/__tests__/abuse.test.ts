/**
 * `npm start`'s server under abuse, bounded and on loopback only: held request bodies, slow clients,
 * thousands of aborted requests, and an upstream that is down, hangs or redirects. The server runs in
 * a child process so that its own memory and sockets can be read from /proc. Throughout, memory and
 * sockets stay bounded, and the static files keep being served.
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abandoned, type Held, heldBody, inWaves, trickle } from "./abusive-clients";
import { openSockets, peak, residentBytes } from "./process-probe";
import { get, postGraphql } from "./raw-http";

const MiB = 1024 * 1024;
/** Small limits, so that every timeout passes within seconds. */
const LIMITS = {
  maxConnections: 600,
  // Generous enough that a loaded machine's own test clients are not mistaken for slow ones.
  headersTimeoutMs: 4_000,
  requestTimeoutMs: 6_000,
  idleTimeoutMs: 8_000,
  timeoutCheckIntervalMs: 250,
  maxConcurrentProxy: 32,
  maxBufferedBytes: 8 * MiB,
  proxyBodyTimeoutMs: 3_000,
  upstreamTimeoutMs: 3_000,
};
/** Memory the server may add on top of what it used at rest: the body budget and then some. */
const RSS_ALLOWANCE = 64 * MiB;
/** Sockets the server may hold: its connection cap, its upstream pool and its listening socket. */
const SOCKET_CEILING = LIMITS.maxConnections + LIMITS.maxConcurrentProxy + 1;
const ASSET = `export const x = ${JSON.stringify("a".repeat(40_000))};`;

type UpstreamMode = "ok" | "hang" | "redirect";

const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
/** The figures behind the README's abuse table, one line each. */
const report = (line: string) => console.log(`[abuse] ${line}`);

async function waitFor(check: () => boolean, message: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the production server under abuse", () => {
  let dist: string;
  let upstream: Server;
  let upstreamMode: UpstreamMode = "ok";
  const upstreamSockets = new Set<Socket>();
  let child: ChildProcess;
  let port: number;
  let downPort: number;
  let downChild: ChildProcess;
  let restingRss: number;
  let restingSockets: number;

  async function spawnServer(listenOrigin: string) {
    const spawned = fork(
      join(import.meta.dirname, "serve-child.mjs"),
      [JSON.stringify({ dist, listenOrigin, limits: LIMITS })],
      { stdio: ["ignore", "pipe", "inherit", "ipc"] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      spawned.stdout?.once("data", (chunk) => resolve(String(chunk)));
      spawned.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    return { spawned, port: (JSON.parse(line) as { port: number }).port };
  }

  /** The static files answer, in full, while whatever the test started goes on. */
  async function staticFilesServed() {
    const [page, asset] = await Promise.all([get(port, "/kpop"), get(port, "/assets/app-1.js")]);
    expect(page.status).toBe(200);
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(ASSET);
  }

  async function backAtRest() {
    await waitFor(
      () => openSockets(child.pid ?? 0) <= restingSockets + 2,
      "the server's sockets fall back to their resting count",
    );
  }

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "serve-abuse-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>player</title>");
    await writeFile(join(dist, "assets", "app-1.js"), ASSET);
    await writeFile(join(dist, "csp.txt"), "default-src 'self'\n");
    upstream = createServer((req, res) => {
      req.resume();
      if (upstreamMode === "hang") return;
      if (upstreamMode === "redirect") {
        res.writeHead(307, { location: "http://127.0.0.1:9/graphql" }).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end('{"data":{"ok":true}}');
    });
    upstream.on("connection", (socket) => {
      upstreamSockets.add(socket);
      socket.on("close", () => upstreamSockets.delete(socket));
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const address = upstream.address();
    const upstreamPort = typeof address === "object" && address ? address.port : 0;
    ({ spawned: child, port } = await spawnServer(`http://127.0.0.1:${upstreamPort}`));
    // Port 9 (discard) is closed on loopback: an upstream that is down.
    ({ spawned: downChild, port: downPort } = await spawnServer("http://127.0.0.1:9"));
    // Warm up: the first requests load the files and the compressor.
    for (let i = 0; i < 20; i++) await staticFilesServed();
    expect((await postGraphql(port)).status).toBe(200);
    restingRss = residentBytes(child.pid ?? 0);
    restingSockets = openSockets(child.pid ?? 0);
  });

  afterAll(async () => {
    child?.kill();
    downChild?.kill();
    for (const socket of upstreamSockets) socket.destroy();
    await new Promise((resolve) => upstream?.close(resolve));
    await rm(dist, { recursive: true, force: true });
  });

  it("refuses held request bodies past the budget with 503, and its memory stays flat", async () => {
    const pid = child.pid ?? 0;
    const rss = peak(() => residentBytes(pid));
    const sockets = peak(() => openSockets(pid));
    // 300 clients each declare a 1 MiB body, send 400 KiB of it and hold: 117 MiB if all were kept.
    const held: Held[] = Array.from({ length: 300 }, () => heldBody(port, MiB, 400 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await staticFilesServed();
    // Every one of them is closed by the server: most refused at once with 503 (or reset before the
    // 503 could be read, as the server closes on a client still sending), the admitted few and any
    // the loaded machine was slow to even send headers for cut off with 408.
    const statuses = await Promise.all(held.map((h) => h.closed));
    expect(statuses.every((status) => status === 503 || status === 408 || status === null)).toBe(true);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(100);
    const [rssPeak, socketPeak] = [rss.stop(), sockets.stop()];
    report(
      `300 held 1 MiB bodies: RSS ${mib(restingRss)} → peak ${mib(rssPeak)}, sockets peak ${socketPeak}`,
    );
    expect(rssPeak - restingRss).toBeLessThan(RSS_ALLOWANCE);
    expect(socketPeak).toBeLessThanOrEqual(SOCKET_CEILING);
    await backAtRest();
    await staticFilesServed();
  });

  it("closes slow clients by itself, headers or body, and serves others meanwhile", async () => {
    const pid = child.pid ?? 0;
    const sockets = peak(() => openSockets(pid));
    const slowHeaders = Array.from({ length: 200 }, () =>
      trickle(port, `GET / HTTP/1.1\r\nHost: localhost\r\nX-Pad: ${"a".repeat(200)}\r\n\r\n`, 200),
    );
    const slowBodies = Array.from({ length: 50 }, () =>
      trickle(
        port,
        `POST /graphql HTTP/1.1\r\nHost: l\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n${" ".repeat(200)}`,
        20,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await staticFilesServed();
    // Every one of them is closed by the server: none of them would ever finish on its own in time.
    const headerStatuses = await Promise.all(slowHeaders.map((h) => h.closed));
    const bodyStatuses = await Promise.all(slowBodies.map((h) => h.closed));
    expect(headerStatuses.every((status) => status === 408)).toBe(true);
    expect(bodyStatuses.every((status) => status === 408 || status === 503)).toBe(true);
    const socketPeak = sockets.stop();
    report(`250 slow clients: sockets peak ${socketPeak}, all closed by the server`);
    expect(socketPeak).toBeLessThanOrEqual(SOCKET_CEILING);
    await backAtRest();
    await staticFilesServed();
  });

  it("drops the upstream call of every client that hangs up, so 1,000 aborts hold no upstream sockets", async () => {
    upstreamMode = "hang";
    let mostUpstream = 0;
    const watch = setInterval(() => {
      mostUpstream = Math.max(mostUpstream, upstreamSockets.size);
    }, 20);
    try {
      await inWaves(1_000, 100, () => abandoned(port, 15));
      await staticFilesServed();
      report(`1,000 aborted /graphql calls: upstream sockets peak ${mostUpstream}`);
      expect(mostUpstream).toBeLessThanOrEqual(LIMITS.maxConcurrentProxy);
      await waitFor(() => upstreamSockets.size === 0, "no upstream socket outlives its client");
    } finally {
      clearInterval(watch);
      upstreamMode = "ok";
    }
    await backAtRest();
  });

  it.each<[string, number, UpstreamMode | "down"]>([
    ["is down: 502", 502, "down"],
    ["hangs: 504", 504, "hang"],
    ["redirects: 502", 502, "redirect"],
  ])(
    "answers 200 requests to an upstream that %s (or 503), and keeps serving",
    async (_name, status, mode) => {
      const target = mode === "down" ? downPort : port;
      if (mode !== "down") upstreamMode = mode;
      try {
        const pending = Array.from({ length: 200 }, () => postGraphql(target));
        await staticFilesServed();
        const answers = await Promise.all(pending);
        for (const answer of answers) {
          expect([status, 503]).toContain(answer.status);
          expect(answer.headers["x-content-type-options"]).toBe("nosniff");
          expect(answer.headers["content-type"]).toBe("application/json");
        }
        expect(answers.some((answer) => answer.status === status)).toBe(true);
      } finally {
        upstreamMode = "ok";
      }
      expect((await postGraphql(port)).status).toBe(200);
      await backAtRest();
    },
  );

  it("ends the run with memory near where it started", async () => {
    const rss = residentBytes(child.pid ?? 0);
    report(`after the whole run: RSS ${mib(restingRss)} → ${mib(rss)}`);
    expect(rss - restingRss).toBeLessThan(RSS_ALLOWANCE);
  });
});
