// Requests per second at 50 connections, for `npm start` (src/server/serve.mjs) and, when Debian's
// nginx is installed, the shipped nginx front: the page (index.html), a hashed asset and /graphql
// through the proxy (to a stand-in upstream that answers at once, so the proxy is what is measured).
// Each server runs in a process of its own; the load generator runs in the bench's.

import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { nginxPath, startNginx } from "../tests/nginx/start-nginx.mjs";
import { load } from "./http-load.mjs";
import { median } from "./stats.mjs";

const SERVE = fileURLToPath(new URL("../src/server/serve.mjs", import.meta.url));
const UPSTREAM = fileURLToPath(new URL("./json-upstream.mjs", import.meta.url));
const GRAPHQL_BODY = JSON.stringify({ query: '{ user(username: "@me") { username displayName } }' });

/** Forks `script` and resolves with the first line it prints, and the child. */
function forkAndRead(script, args, env) {
  const child = fork(script, args, {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve({ child, line: String(chunk).trim() }));
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** The largest script the page loads at once: the entry chunk. */
function entryAsset(appDir) {
  const html = readFileSync(join(appDir, "index.html"), "utf8");
  const entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error("no entry script in index.html");
  return entry;
}

/**
 * @param {{ appDir: string, runs: number, seconds: number, log: (line: string) => void }} options
 */
export async function measureThroughput({ appDir, runs, seconds, log }) {
  const cleanups = [];
  try {
    const upstream = await forkAndRead(UPSTREAM, []);
    cleanups.push(() => upstream.child.kill());
    const upstreamOrigin = `http://127.0.0.1:${upstream.line}`;
    const node = await forkAndRead(SERVE, ["--dist", appDir, "--port", "0"], {
      VITE_LISTEN_ORIGIN: upstreamOrigin,
    });
    cleanups.push(() => node.child.kill());
    const fronts = { node: /(http:\/\/\S+)/.exec(node.line)?.[1] };
    if (existsSync(nginxPath())) {
      const nginx = await startNginx({ dist: appDir, upstreamOrigin });
      cleanups.push(() => nginx.close());
      fronts.nginx = nginx.url;
    } else {
      log(`throughput: no nginx at ${nginxPath()}, measuring npm start only`);
    }

    const asset = entryAsset(appDir);
    const targets = {
      index: { path: "/" },
      asset: { path: asset },
      graphql: {
        path: "/graphql",
        method: "POST",
        body: GRAPHQL_BODY,
        headers: { "content-type": "application/json" },
      },
    };
    const results = { connections: 50, seconds, asset, fronts: {} };
    for (const [front, base] of Object.entries(fronts)) {
      results.fronts[front] = {};
      for (const [name, target] of Object.entries(targets)) {
        const samples = [];
        for (let run = 0; run < runs; run++) {
          samples.push(
            await load({
              ...target,
              url: `${base}${target.path}`,
              connections: 50,
              durationMs: seconds * 1000,
            }),
          );
        }
        results.fronts[front][name] = {
          perSecond: median(samples.map((s) => s.perSecond)),
          failed: samples.reduce((sum, s) => sum + s.failed, 0),
          runs: samples.map((s) => s.perSecond),
        };
        log(`throughput ${front} ${name}: ${results.fronts[front][name].perSecond} req/s`);
      }
    }
    // The ceiling the proxy is measured against: the stand-in upstream on its own.
    const direct = await load({
      ...targets.graphql,
      url: `${upstreamOrigin}/graphql`,
      durationMs: seconds * 1000,
    });
    results.upstreamDirect = direct.perSecond;
    return results;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
