/**
 * Debian's nginx with the shipped site configuration (deploy/nginx/listen-moe-player.conf) and the
 * includes a build wrote into <dist>/nginx/, on a loopback port, with no root privileges: its own
 * prefix, pid, logs and temp paths in a temporary folder. Only the port and the root of the site are
 * changed from the shipped file; everything else is served as deployed. Used by the e2e suite and the
 * bench.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { graphqlUpstreamConf } from "../../src/server/nginx-config.mjs";

const SITE = resolve(dirname(fileURLToPath(import.meta.url)), "../../deploy/nginx/listen-moe-player.conf");
/** Debian's `nobody`: when the tests run as root, nginx still runs without privileges. */
const NOBODY = 65534;

export function nginxPath() {
  return process.env.NGINX_PATH || "/usr/sbin/nginx";
}

/** A free loopback port (nginx cannot be told to pick one itself). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (probe.address());
      probe.close(() => resolvePort(port));
    });
  });
}

/** Replaces one directive of the shipped file; fails loudly if the file no longer has exactly one. */
function replaceDirective(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern.source, "gm")) ?? [];
  if (matches.length !== 1) throw new Error(`${SITE}: expected one ${pattern}, found ${matches.length}`);
  return text.replace(new RegExp(pattern.source, "m"), replacement);
}

/** The shipped site, listening on `port` of 127.0.0.1 and serving `dist`. */
export async function siteConfig({ port, dist }) {
  let site = await readFile(SITE, "utf8");
  site = replaceDirective(site, /^ {4}listen 8080;$/, `    listen 127.0.0.1:${port};`);
  site = replaceDirective(site, /^ {4}root \/usr\/share\/nginx\/html;$/, `    root ${dist};`);
  return site;
}

function mainConfig(prefix) {
  return `# Test harness only: what Debian's /etc/nginx/nginx.conf would hold, in a private prefix.
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path ${prefix}/temp/body;
    proxy_temp_path ${prefix}/temp/proxy;
    fastcgi_temp_path ${prefix}/temp/fastcgi;
    uwsgi_temp_path ${prefix}/temp/uwsgi;
    scgi_temp_path ${prefix}/temp/scgi;
    include listen-moe-player.conf;
}
`;
}

async function chownTree(path, id) {
  await chown(path, id, id);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory()) await chownTree(join(path, entry.name), id);
    else await chown(join(path, entry.name), id, id);
  }
}

/**
 * @param {{ dist: string, upstreamOrigin?: string }} options the build (with its dist/nginx/ includes);
 *   `upstreamOrigin` points /graphql elsewhere than the build said (the bench's stand-in upstream)
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startNginx({ dist, upstreamOrigin }) {
  const binary = nginxPath();
  if (!existsSync(binary)) {
    throw new Error(
      `No nginx at ${binary}. Install it with "apt-get install -y nginx" (or set NGINX_PATH); the nginx tests need it.`,
    );
  }
  const root = resolve(dist);
  const includes = join(root, "nginx");
  if (!existsSync(join(includes, "security-headers.conf")))
    throw new Error(`${includes} has no generated includes: build the app first.`);
  const prefix = await mkdtemp(join(tmpdir(), "nginx-"));
  for (const folder of ["conf", "logs", "temp"]) await mkdir(join(prefix, folder));
  await cp(includes, join(prefix, "conf", "listen-moe-player"), { recursive: true });
  if (upstreamOrigin) {
    const upstream = join(prefix, "conf", "listen-moe-player", "graphql-upstream.conf");
    await writeFile(upstream, graphqlUpstreamConf(upstreamOrigin));
  }
  const asRoot = process.getuid?.() === 0;
  // As root, nginx runs as nobody, who may not reach a checkout inside a private folder (a clone in
  // `mktemp -d` is 0700): it then serves a copy of the build from its own prefix.
  const siteRoot = asRoot ? join(prefix, "site") : root;
  if (asRoot) await cp(root, siteRoot, { recursive: true });
  const port = await freePort();
  await writeFile(join(prefix, "conf", "listen-moe-player.conf"), await siteConfig({ port, dist: siteRoot }));
  await writeFile(join(prefix, "conf", "nginx.conf"), mainConfig(prefix));
  if (asRoot) await chownTree(prefix, NOBODY);

  const child = spawn(
    binary,
    ["-p", prefix, "-c", join(prefix, "conf", "nginx.conf"), "-e", join(prefix, "logs", "error.log")],
    {
      stdio: ["ignore", "ignore", "pipe"],
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((done) => child.once("exit", done));
  const url = `http://127.0.0.1:${port}`;

  const log = async () =>
    `${stderr}${await readFile(join(prefix, "logs", "error.log"), "utf8").catch(() => "")}`;
  /** Stops nginx (SIGTERM: the master takes its workers down with it) and removes its prefix. */
  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    await rm(prefix, { recursive: true, force: true });
  }
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const message = `nginx exited with ${child.exitCode}: ${await log()}`;
      await stop();
      throw new Error(message);
    }
    const up = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      const message = `nginx did not answer on ${url}: ${await log()}`;
      await stop();
      throw new Error(message);
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }

  return {
    url,
    port,
    /** nginx's error log so far (for a failing test's message). */
    log,
    close: stop,
  };
}
