/**
 * Who the page's GraphQL requests are made as. The session root provides it (a token getter and what
 * to do when the server rejects the token); authorized-request.ts uses it. Kept apart from the GraphQL
 * client so that providing it costs the first screen nothing.
 */
export interface Authorization {
  /** The current token, or null when nobody is logged in. */
  token(): string | null;
  /** The server said "Invalid authorization" for `token`: end that session (not a newer one). */
  rejected(token: string): void;
}

let provided: Authorization | null = null;

/** Installs the page's authorization; returns the function that removes it again. */
export function provideAuthorization(authorization: Authorization): () => void {
  provided = authorization;
  return () => {
    if (provided === authorization) provided = null;
  };
}

export const currentAuthorization = (): Authorization | null => provided;
