/** Endpoint configuration: the build-time `VITE_*` variables turned into the URLs the app uses. */

export type StationId = "jpop" | "kpop";
export const STATIONS: readonly StationId[] = ["jpop", "kpop"];

export type StreamFormat = "vorbis" | "opus" | "mp3";

const STREAM_MOUNT: Record<StreamFormat, string> = { vorbis: "stream", opus: "opus", mp3: "fallback" };

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export interface Endpoints {
  listenOrigin: string;
  cdnOrigin: string;
  graphqlUrl: string;
}

export function readEndpoints(env: Record<string, string | undefined> = import.meta.env): Endpoints {
  return {
    listenOrigin: trimSlash(env.VITE_LISTEN_ORIGIN || "https://listen.moe"),
    cdnOrigin: trimSlash(env.VITE_CDN_ORIGIN || "https://cdn.listen.moe"),
    graphqlUrl: env.VITE_GRAPHQL_URL || "/graphql",
  };
}

export const endpoints: Endpoints = readEndpoints();

function stationPrefix(station: StationId): string {
  return station === "kpop" ? "/kpop" : "";
}

/** http→ws and https→wss; the gateway path follows the station. */
export function gatewayUrl(station: StationId, origin = endpoints.listenOrigin): string {
  const wsOrigin = origin.replace(/^http(s?):/i, "ws$1:");
  return `${wsOrigin}${stationPrefix(station)}/gateway_v2`;
}

export function streamUrl(station: StationId, format: StreamFormat, origin = endpoints.listenOrigin): string {
  return `${origin}${stationPrefix(station)}/${STREAM_MOUNT[format]}`;
}

export type CdnFolder = "covers" | "artists" | "avatars";

/** Server file names become one encoded path segment under a fixed CDN folder, never a path or scheme. */
export function cdnUrl(
  folder: CdnFolder,
  file: string | null | undefined,
  origin = endpoints.cdnOrigin,
): string | null {
  if (!file) return null;
  return `${origin}/${folder}/${encodeURIComponent(file)}`;
}

/** Event images arrive as full URLs: accept only http(s), and hand back the normalised href. */
export function safeImageUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}
