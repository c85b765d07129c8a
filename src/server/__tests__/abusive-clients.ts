/** Clients that misbehave on purpose, over real loopback sockets, each one bounded in time. */
import { connect, type Socket } from "node:net";

export interface Held {
  /** Resolves when the server closes the connection, with the status it answered (or null). */
  closed: Promise<number | null>;
  socket: Socket;
}

function open(port: number, onConnect: (socket: Socket) => void): Held {
  const socket = connect(port, "127.0.0.1");
  let text = "";
  const closed = new Promise<number | null>((resolve) => {
    socket.on("data", (chunk) => {
      if (text.length < 64) text += chunk.toString("latin1");
    });
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]) || null);
    socket.on("close", done);
    socket.on("error", () => {});
  });
  socket.on("connect", () => onConnect(socket));
  return { closed, socket };
}

/** POSTs to /graphql declaring `declared` bytes, sends `sent` of them and then holds the socket. */
export function heldBody(port: number, declared: number, sent: number): Held {
  return open(port, (socket) => {
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: l\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(sent, 0x20));
  });
}

/** Sends `request` one byte every `everyMs` (slowloris), until the server gives up on it. */
export function trickle(port: number, request: string, everyMs: number): Held {
  let timer: ReturnType<typeof setInterval> | undefined;
  const held = open(port, (socket) => {
    let at = 0;
    timer = setInterval(() => {
      if (at < request.length && socket.writable) socket.write(request[at++] ?? "");
    }, everyMs);
  });
  held.closed.finally(() => clearInterval(timer));
  return held;
}

/** A complete GraphQL request, abandoned `afterMs` later, answered or not. */
export function abandoned(port: number, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: l\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"query":"x"}',
      );
      setTimeout(() => socket.destroy(), afterMs);
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve());
  });
}

/** Runs `task` `count` times with at most `width` at once. */
export async function inWaves<T>(
  count: number,
  width: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  async function lane() {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
  return results;
}
