// Bearer tokens. They look like JWTs (header.payload.signature, base64url) so clients that peek
// at `exp` work, but the server only trusts its own table, which makes revocation possible.

import { randomBytes } from "node:crypto";

const b64url = (value) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** @typedef {"session"|"mfa"} TokenKind  mfa = the temporary token between login and loginMFA */

/**
 * @param {{ mfaTokenTtlMs: () => number, sessionTtlMs?: number }} options
 */
export function createTokenStore(options) {
  /** @type {Map<string, {username: string, uuid: string, kind: TokenKind, expiresAt: number}>} */
  const table = new Map();
  return {
    /** Issues a token for an account. */
    issue(account, kind) {
      const now = Date.now();
      const ttl = kind === "mfa" ? options.mfaTokenTtlMs() : (options.sessionTtlMs ?? 30 * 86_400_000);
      const payload = {
        id: account.uuid,
        username: account.username,
        mfa: kind === "mfa",
        iat: Math.floor(now / 1000),
        exp: Math.floor((now + ttl) / 1000),
      };
      const token = `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url(payload)}.${randomBytes(32).toString("base64url")}`;
      table.set(token, { username: account.username, uuid: account.uuid, kind, expiresAt: now + ttl });
      return token;
    },
    /**
     * Resolves a token of the given kind to its username, or null when unknown, revoked, expired
     * or of the other kind.
     */
    resolve(token, kind) {
      const entry = token ? table.get(token) : undefined;
      if (!entry || entry.kind !== kind) return null;
      if (entry.expiresAt <= Date.now()) {
        table.delete(token);
        return null;
      }
      return entry.username;
    },
    revoke(token) {
      table.delete(token);
    },
    /** Revokes every token, or only those of one user. Returns how many were revoked. */
    revokeAll(username) {
      let count = 0;
      for (const [token, entry] of table) {
        if (!username || entry.username === username) {
          table.delete(token);
          count++;
        }
      }
      return count;
    },
    get size() {
      return table.size;
    },
  };
}

/** Extracts the token from an `Authorization: Bearer <token>` header value. */
export function bearerToken(header) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(header ?? ""));
  return match ? match[1] : null;
}
