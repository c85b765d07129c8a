export interface Endpoints {
  /** Gateways, streams and the upstream of the /graphql proxy. */
  listenOrigin: string;
  /** Covers, artist images and avatars. */
  cdnOrigin: string;
  /** The GraphQL endpoint the page calls (same origin by default, through the proxy). */
  graphqlUrl: string;
  /** Origins that may serve event images besides the CDN (`VITE_IMAGE_ORIGINS`), normalised. */
  imageOrigins: string[];
}

export declare const DEFAULT_LISTEN_ORIGIN: string;
export declare const DEFAULT_CDN_ORIGIN: string;
export declare const DEFAULT_GRAPHQL_URL: string;
export declare const DEFAULT_IMAGE_ORIGINS: string;
export declare function parseImageOrigins(list: string): string[];
export declare function readEndpoints(env: Record<string, string | undefined>): Endpoints;
