/** Raw HTTP over a real loopback socket: what a hostile client can send, byte for byte. */
import { connect } from "node:net";

export interface RawResponse {
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

/** Sends `request` as is; resolves with what came back (status null if the socket closed without one). */
export function raw(
  port: number,
  request: string,
  { hangUpAfterMs }: { hangUpAfterMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(request);
      if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
    });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    const done = () => resolve(parse(Buffer.concat(chunks).toString("latin1")));
    socket.on("close", done);
    socket.on("error", done);
    // A safety net against a hung test, not a timing assertion: a loaded machine can be slow.
    socket.setTimeout(30_000, () => socket.destroy());
  });
}

function parse(text: string): RawResponse {
  const [head = "", ...rest] = text.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = rest.join("\r\n\r\n");
  return {
    status: status ? Number(status[1]) : null,
    headers,
    body: headers["transfer-encoding"] === "chunked" ? dechunk(body) : body,
  };
}

/** The payload of a chunked body (as much of it as arrived). */
function dechunk(body: string): string {
  let out = "";
  let at = 0;
  while (at < body.length) {
    const lineEnd = body.indexOf("\r\n", at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(body.slice(at, lineEnd), 16);
    if (!size) break;
    out += body.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
  return out;
}

export function get(port: number, path: string, headers: Record<string, string> = {}) {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return raw(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra.join("")}Connection: close\r\n\r\n`);
}

export function postGraphql(port: number, body = "{}", headers: Record<string, string> = {}) {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return raw(
    port,
    `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${extra.join("")}Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
