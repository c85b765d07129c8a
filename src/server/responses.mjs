/**
 * Every answer goes through here, so every one of them, errors included, carries the security headers.
 */
import { STATUS_CODES } from "node:http";

/** @param {Record<string, string>} baseHeaders the security headers */
export function createResponder(baseHeaders) {
  /**
   * @param {import("node:http").ServerResponse} res
   * @param {number} status
   * @param {Record<string, string | number>} headers
   * @param {string | Buffer} [body]
   */
  function send(res, status, headers, body = "") {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    res.writeHead(status, { ...baseHeaders, ...headers, "content-length": bytes.length });
    res.end(res.req?.method === "HEAD" ? undefined : bytes);
  }

  return {
    baseHeaders,
    send,
    text(res, status, message = STATUS_CODES[status] ?? "Error", headers = {}) {
      send(
        res,
        status,
        { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers },
        message,
      );
    },
    /** A GraphQL-shaped error, so the page's client reads it like any other failed call. */
    graphqlError(res, status, message, headers = {}) {
      send(
        res,
        status,
        { "content-type": "application/json", "cache-control": "no-store", ...headers },
        JSON.stringify({ errors: [{ message }] }),
      );
    },
    /**
     * An answer for a socket Node's parser gave up on (malformed request, headers too big, timeout),
     * written raw because there is no response object; then the socket is closed.
     * @param {import("node:net").Socket} socket
     */
    raw(socket, status) {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const body = STATUS_CODES[status] ?? "Bad Request";
      const lines = [
        `HTTP/1.1 ${status} ${body}`,
        ...Object.entries(baseHeaders).map(([name, value]) => `${name}: ${value}`),
        "Content-Type: text/plain; charset=utf-8",
        "Cache-Control: no-store",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Connection: close",
      ];
      socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`);
      socket.destroySoon?.();
    },
  };
}
