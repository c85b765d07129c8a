/** Endpoint configuration: the build-time `VITE_*` variables turned into the URLs the app uses. */

import { type Endpoints, readEndpoints } from "./endpoints.mjs";
import { stationGatewayUrl } from "./gateway-url";
import { coverFile, type Track } from "./song";
import { STATION_INFO, type StationId } from "./stations";

export type { Endpoints };

export type StreamFormat = "vorbis" | "opus" | "mp3";

const STREAM_MOUNT: Record<StreamFormat, string> = { vorbis: "stream", opus: "opus", mp3: "fallback" };

export const endpoints: Endpoints = readEndpoints(import.meta.env);

/** http→ws and https→wss; the gateway path follows the station. */
export function gatewayUrl(station: StationId, origin = endpoints.listenOrigin): string {
  return stationGatewayUrl(origin, station);
}

export function streamUrl(station: StationId, format: StreamFormat, origin = endpoints.listenOrigin): string {
  return `${origin}${STATION_INFO[station].prefix}/${STREAM_MOUNT[format]}`;
}

export type CdnFolder = "covers" | "artists" | "avatars";

/** Server file names become one encoded path segment under a fixed CDN folder, never a path or scheme. */
export function cdnUrl(
  folder: CdnFolder,
  file: string | null | undefined,
  origin = endpoints.cdnOrigin,
): string | null {
  if (!file) return null;
  try {
    return `${origin}/${folder}/${encodeURIComponent(file)}`;
  } catch {
    // A name that cannot be encoded (a lone surrogate) names no image: the placeholder shows.
    return null;
  }
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

/**
 * The picture of what is on air: the album cover, or during an event (whose songs come without
 * albums) the event's image. One answer for the page, the lock screen and notifications.
 */
export function trackArtworkUrl(track: Pick<Track, "song" | "event">): string | null {
  return cdnUrl("covers", coverFile(track.song)) ?? safeImageUrl(track.event?.image);
}
