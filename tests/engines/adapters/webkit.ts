/**
 * WebKitGTK through WebKitWebDriver, which speaks classic WebDriver: plain HTTP and JSON, no client
 * library. WebKitGTK has no headless mode, so MiniBrowser runs on a private Xvfb display.
 *
 * Classic WebDriver has no page events and no init scripts, so page errors are recorded by a listener
 * installed after each navigation, and an `initScript` also runs right after navigation (before any
 * click): the app consults `canPlayType` only when Play is pressed, so that is early enough for it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import {
  DESKTOP,
  describeQuery,
  type Engine,
  type EngineElement,
  type EnginePage,
  type OpenOptions,
  type Viewport,
  wireQuery,
} from "../driver";
import { requireProgram, startVirtualDisplay } from "../environment";
import { callExpression, finderExpression, RECORD_ERRORS } from "./page-scripts";

const DRIVER = "/usr/bin/WebKitWebDriver";
/** libwebkit2gtk-4.1-0 installs MiniBrowser here (`dpkg -L libwebkit2gtk-4.1-0`). */
export function miniBrowserPath() {
  return process.env.WEBKIT_MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}

const CALL_TIMEOUT_MS = 30_000;
const ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
type ElementRef = { [ELEMENT_KEY]: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

class WebDriverError extends Error {}

function client(base: string) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      method,
      // A wedged browser becomes a clear error instead of a test timeout with no message.
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok)
      throw new WebDriverError(
        `WebDriver ${method} ${path}: ${data.value?.error} ${data.value?.message ?? ""}`,
      );
    return data.value;
  };
}

const SESSION_CAPABILITIES = (binary: string) => ({
  capabilities: {
    alwaysMatch: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary, args: ["--automation"] },
    },
  },
});

interface DriverProcess {
  readonly call: ReturnType<typeof client>;
  /** Stops the driver and every browser process it started (they share its process group). */
  stop(): Promise<void>;
}

async function startDriver(env: NodeJS.ProcessEnv): Promise<DriverProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(DRIVER, [`--port=${port}`, "--host=local"], {
    env,
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const driver: DriverProcess = {
    call: client(`http://127.0.0.1:${port}`),
    async stop() {
      // Each wait has its own 5 s: a timer shared by both would have fired already for the second.
      const exitOrGrace = () => Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      signalGroup("SIGTERM");
      await exitOrGrace();
      // MiniBrowser and its web and network processes outlive a driver that exits first.
      signalGroup("SIGKILL");
      await exitOrGrace();
    },
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await driver.call("GET", "/status");
      return driver;
    } catch (error) {
      if (Date.now() > deadline) {
        await driver.stop();
        throw new Error(`WebKitWebDriver did not start: ${String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function launchWebKitEngine({ pulseServer }: { pulseServer: string }): Promise<Engine> {
  requireProgram(DRIVER, "webkit2gtk-driver", "WebKitWebDriver");
  const binary = requireProgram(miniBrowserPath(), "webkit2gtk-driver", "WebKitGTK MiniBrowser");
  const display = await startVirtualDisplay();
  const env = { ...process.env, DISPLAY: display.display, PULSE_SERVER: pulseServer };
  let driver = await startDriver(env);
  /** A session that could not be closed still holds the driver's one session slot. */
  let sessionLeftOpen = false;

  async function restartDriver(why: string) {
    console.warn(`WebKitWebDriver: ${why}; starting a fresh driver and browser`);
    await driver.stop();
    driver = await startDriver(env);
    sessionLeftOpen = false;
  }

  /**
   * Launching MiniBrowser usually takes 1–6 s here, but on a loaded machine a launch has hung until
   * the call timed out (the browser never connected back to the driver). That is the browser's
   * launch, before any page of ours is loaded, so one fresh driver and browser get a second try;
   * a second failure fails the test.
   */
  async function createSession() {
    if (sessionLeftOpen) await restartDriver("the previous session did not close");
    const create = () =>
      driver.call<{ sessionId: string; capabilities: { browserVersion: string } }>(
        "POST",
        "/session",
        SESSION_CAPABILITIES(binary),
      );
    try {
      return { session: await create(), call: driver.call };
    } catch (error) {
      await restartDriver(`no session (${String(error)})`);
      return { session: await create(), call: driver.call };
    }
  }

  let version = "";
  let minWidth = 0;
  return {
    name: "webkit",
    get minWidth() {
      return minWidth;
    },
    get version() {
      return version;
    },
    async open(options: OpenOptions = {}) {
      const { session, call } = await createSession();
      version = `WebKitGTK ${session.capabilities.browserVersion}`;
      const page = webkitPage(call, `/session/${session.sessionId}`, options, () => {
        sessionLeftOpen = true;
      });
      try {
        const viewport = options.viewport ?? DESKTOP;
        const width = await page.resize(viewport);
        if (width > viewport.width) minWidth = width;
        return page;
      } catch (error) {
        // The driver allows one session: never leave a half-opened one behind.
        await page.close();
        throw error;
      }
    },
    async quit() {
      await driver.stop();
      await display.stop();
    },
  };
}

function webkitPage(
  call: ReturnType<typeof client>,
  session: string,
  options: OpenOptions,
  onCloseFailed: () => void,
) {
  /** Runs an expression in the page (async script), awaiting a promise it yields. */
  async function run<T>(expression: string, args: unknown[] = []): Promise<T> {
    const result = await call<{ ok?: T; error?: string }>("POST", `${session}/execute/async`, {
      script: `const done = arguments[arguments.length - 1]; const args = Array.prototype.slice.call(arguments, 0, -1);
        Promise.resolve().then(() => (${expression})).then((ok) => done({ ok }), (e) => done({ error: String(e && e.stack || e) }));`,
      args,
    });
    if (result.error) throw new Error(`in the page: ${result.error}`);
    return result.ok as T;
  }

  function element(ref: ElementRef): EngineElement {
    const id = ref[ELEMENT_KEY];
    return {
      click: async () => {
        await call("POST", `${session}/element/${id}/click`, {});
      },
      type: async (text) => {
        await call("POST", `${session}/element/${id}/value`, { text });
      },
      text: () => run<string>("args[0].textContent", [ref]),
      attribute: (name) => run<string | null>(`args[0].getAttribute(${JSON.stringify(name)})`, [ref]),
    };
  }

  const size = () => run<{ width: number; height: number }>("({ width: innerWidth, height: innerHeight })");
  /** GTK applies a window size asynchronously: read the page size until it stops changing. */
  async function settledSize() {
    let last = await size();
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const next = await size();
      if (next.width === last.width && next.height === last.height && i >= 2) return next;
      last = next;
    }
    return last;
  }

  const page: EnginePage & { resize(viewport: Viewport): Promise<number> } = {
    /**
     * Sizes the window so that the page (not the window) has the requested size, as far as the
     * window can shrink; returns the page width it got.
     */
    async resize(viewport) {
      await call("POST", `${session}/window/rect`, viewport);
      let inner = await settledSize();
      if (inner.width !== viewport.width || inner.height !== viewport.height) {
        await call("POST", `${session}/window/rect`, {
          width: viewport.width * 2 - inner.width,
          height: viewport.height * 2 - inner.height,
        });
        inner = await settledSize();
      }
      return inner.width;
    },
    async goto(url) {
      await call("POST", `${session}/url`, { url });
      await run(RECORD_ERRORS);
      if (options.initScript) await run(options.initScript);
    },
    async find(query, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await run<ElementRef | null>(`${finderExpression(wireQuery(query))}[0] ?? null`);
        if (found) return element(found);
        if (Date.now() > deadline)
          throw new Error(`Timed out after ${timeoutMs} ms finding ${describeQuery(query)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    count: (query) => run<number>(`${finderExpression(wireQuery(query))}.length`),
    evaluate: (fn, ...args) => run(callExpression(fn as (...a: never[]) => unknown, args)),
    async screenshot(path) {
      const png = await call<string>("GET", `${session}/screenshot`);
      writeFileSync(path, Buffer.from(png, "base64"));
    },
    pageErrors: () =>
      run<string[]>("window.__lmErrors ? [...window.__lmErrors] : ['the error recorder is missing']"),
    async close() {
      await call("DELETE", session).catch(onCloseFailed);
    },
  };
  return page;
}
