// A small gateway client written from the protocol document (§2), for the conformance tests.
// It records every frame and lets a test wait, with a deadline, for the next one that matches.

import WebSocket from "ws";

export class GatewayClient {
  /**
   * Opens a socket and resolves once it is open.
   * @param {string} url ws:// URL
   */
  static async connect(url) {
    const client = new GatewayClient(url);
    await client.opened;
    return client;
  }

  constructor(url) {
    /** @type {{text: string, json: any}[]} */
    this.frames = [];
    this.cursor = 0;
    this.waiters = new Set();
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", resolve);
      this.ws.once("error", reject);
      this.ws.once("unexpected-response", (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    this.closed = new Promise((resolve) => {
      this.ws.on("close", (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
        for (const waiter of this.waiters) waiter.check();
      });
    });
    this.ws.on("error", () => {});
    this.ws.on("message", (data, isBinary) => {
      const text = isBinary ? `<binary ${data.length}>` : data.toString();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      this.frames.push({ text, json });
      for (const waiter of this.waiters) waiter.check();
    });
  }

  /** Sends an object as JSON, or a string as-is. */
  send(frame) {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /**
   * Resolves with the next frame (after the cursor) whose parsed JSON matches `predicate`, and moves
   * the cursor past it. Rejects after `timeoutMs`, or if the socket closes first.
   * @param {(json: any, text: string) => boolean} [predicate]
   */
  next(predicate = () => true, timeoutMs = 2000) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          for (let i = this.cursor; i < this.frames.length; i++) {
            const frame = this.frames[i];
            if (predicate(frame.json, frame.text)) {
              this.cursor = i + 1;
              finish();
              resolve(frame.json ?? frame.text);
              return;
            }
          }
          if (this.closeInfo) {
            finish();
            reject(new Error(`socket closed (${this.closeInfo.code}) before the expected frame`));
          }
        },
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching frame within ${timeoutMs} ms; got ${this.describe()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  /** Next op 1 frame with the given `t`. */
  nextDispatch(t, timeoutMs = 2000) {
    return this.next((f) => f?.op === 1 && f.t === t, timeoutMs);
  }

  /** Frames that arrive within `ms` (from now). */
  async collect(ms) {
    const start = this.frames.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.frames.slice(start);
  }

  /** Resolves with `{code, reason}` when the socket closes; rejects after `timeoutMs`. */
  waitClose(timeoutMs = 3000) {
    return Promise.race([
      this.closed,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs),
      ),
    ]);
  }

  describe() {
    return JSON.stringify(this.frames.slice(-5).map((f) => f.text.slice(0, 120)));
  }

  close() {
    if (this.ws.readyState <= 1) this.ws.close();
  }
}

/** The ws:// URL of a station path. */
export const wsUrl = (station, path) => `${station.url.replace(/^http/, "ws")}${path}`;

/** Connects and returns the client after it has received its welcome and first TRACK_UPDATE. */
export async function connectV2(station, path = "/gateway_v2") {
  const client = await GatewayClient.connect(wsUrl(station, path));
  const welcome = await client.next((f) => f?.op === 0);
  const track = await client.nextDispatch("TRACK_UPDATE");
  return { client, welcome, track };
}

/** Polls `check` until it returns a truthy value; rejects after `timeoutMs`. */
export async function waitFor(check, timeoutMs = 3000, stepMs = 25) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
