/**
 * What the other engines need besides a binary: a private PulseAudio with a null sink (so audio has a
 * real output device, and tests can see the browser's stream on it), and Xvfb for WebKitGTK, which
 * has no headless mode. Each test file starts its own, so engines running side by side never share a
 * sound server and a sink-input count is that engine's alone. Unix sockets only, nothing on TCP.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A required program is missing: fail loudly with the package that provides it. */
export function requireProgram(path: string, aptPackage: string, what: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `No ${what} at ${path}. Install it with "apt-get install -y ${aptPackage}" (bash .ci/run does); the cross-engine tests need it.`,
    );
  }
  return path;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sample rate of `SoundServer.record`. */
export const RECORD_RATE = 8_000;

export interface SoundServer {
  /** Give this to a browser as PULSE_SERVER. */
  readonly address: string;
  /** Browser streams currently playing into the server (one per playing media element or context). */
  playingStreams(): Promise<number>;
  /** What the null sink played during the next `ms`, as 8 kHz mono samples (from its monitor). */
  record(ms: number): Promise<Int16Array>;
  /** Plug in the null sink (the "sound device"); returns when the server lists it. */
  plugSink(): Promise<void>;
  /** Unplug it: the output device disappears while the browser keeps running. */
  unplugSink(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PulseAudio daemon of our own (not the system's, not another test file's), listening on a unix
 * socket in a temporary folder. `withSink: false` starts it with no output device at all.
 */
export async function startSoundServer({ withSink = true } = {}): Promise<SoundServer> {
  requireProgram("/usr/bin/pulseaudio", "pulseaudio", "PulseAudio");
  const dir = mkdtempSync(join(tmpdir(), "lm-pulse-"));
  const socket = join(dir, "native");
  const address = `unix:${socket}`;
  const env = { ...process.env, HOME: dir, PULSE_RUNTIME_PATH: dir, PULSE_SERVER: address };
  const child = spawn(
    "/usr/bin/pulseaudio",
    [
      "--daemonize=no",
      "--system=false",
      "--exit-idle-time=-1",
      "--disallow-exit",
      "--use-pid-file=no",
      "-n", // no default.pa: only the modules below
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
    ],
    { env, stdio: "ignore" },
  );
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  await waitFor(() => existsSync(socket) || exited, "PulseAudio's socket");
  if (exited) throw new Error("PulseAudio exited at startup");
  const pactl = async (...args: string[]) => (await run("/usr/bin/pactl", args, { env })).stdout.trim();
  let sinkModule: string | null = null;

  const server: SoundServer = {
    address,
    async playingStreams() {
      const out = await pactl("list", "short", "sink-inputs");
      return out === "" ? 0 : out.split("\n").length;
    },
    record(ms) {
      const recorder = spawn(
        "/usr/bin/parec",
        ["-d", "null.monitor", "--raw", "--format=s16le", `--rate=${RECORD_RATE}`, "--channels=1"],
        { env, stdio: ["ignore", "pipe", "ignore"] },
      );
      const chunks: Buffer[] = [];
      recorder.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
      return new Promise((resolve, reject) => {
        recorder.once("error", reject);
        setTimeout(() => {
          recorder.once("exit", () => {
            const bytes = Buffer.concat(chunks);
            const samples = new Int16Array(Math.floor(bytes.length / 2));
            for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
            resolve(samples);
          });
          recorder.kill("SIGTERM");
        }, ms);
      });
    },
    async plugSink() {
      if (sinkModule) return;
      sinkModule = await pactl("load-module", "module-null-sink", "sink_name=null");
      await pactl("set-default-sink", "null");
    },
    async unplugSink() {
      if (!sinkModule) return;
      await pactl("unload-module", sinkModule);
      sinkModule = null;
    },
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (withSink) await server.plugSink();
  return server;
}

export interface VirtualDisplay {
  /** ":N", for DISPLAY. */
  readonly display: string;
  stop(): Promise<void>;
}

/** Xvfb on a free display number it picks itself (-displayfd), with TCP off. */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  requireProgram("/usr/bin/Xvfb", "xvfb", "Xvfb");
  const child = spawn(
    "/usr/bin/Xvfb",
    ["-displayfd", "3", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
    {
      stdio: ["ignore", "ignore", "ignore", "pipe"],
    },
  );
  const display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Xvfb did not report a display")), 10_000);
    child.once("exit", (code) => reject(new Error(`Xvfb exited with ${code}`)));
    child.stdio[3]?.once("data", (data) => {
      clearTimeout(timer);
      resolve(`:${String(data).trim()}`);
    });
  });
  return { display, stop: () => stopChild(child) };
}
