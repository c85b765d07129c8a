/**
 * The production Content Security Policy, derived from the configured endpoints. Used by the build
 * (meta tag, for static hosting) and by `npm start` (header, which can also forbid framing).
 */
export interface PolicyEndpoints {
  listenOrigin: string;
  cdnOrigin: string;
  graphqlUrl: string;
  /** Event images from other hosts (`VITE_IMAGE_ORIGINS`): the same list the frame schema allows. */
  imageOrigins: readonly string[];
}

function origin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null; // relative: same origin, covered by 'self'
  }
}

function websocketOrigin(httpOrigin: string): string {
  return httpOrigin.replace(/^http(s?):/i, "ws$1:");
}

export function contentSecurityPolicy(
  endpoints: PolicyEndpoints,
  {
    forHeader,
    scriptHashes = [],
  }: {
    forHeader: boolean;
    /** `'sha256-…'` of each inline script the page carries (index.html's gateway bootstrap). */
    scriptHashes?: readonly string[];
  },
): string {
  const listen = origin(endpoints.listenOrigin);
  const cdn = origin(endpoints.cdnOrigin);
  const graphql = origin(endpoints.graphqlUrl);
  const unique = (...values: (string | null)[]) => [
    ...new Set(values.filter((v): v is string => v !== null)),
  ];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", ...scriptHashes]],
    ["style-src", ["'self'"]],
    ["img-src", unique("'self'", "data:", cdn, listen, ...endpoints.imageOrigins.map(origin))],
    ["media-src", unique(listen)],
    ["connect-src", unique("'self'", listen, listen && websocketOrigin(listen), graphql)],
    ["font-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["manifest-src", ["'self'"]],
  ];
  // Browsers ignore frame-ancestors in a <meta> policy and warn about it, so only the header has it.
  if (forHeader) directives.push(["frame-ancestors", ["'none'"]]);
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}
