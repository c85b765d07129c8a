import * as v from "valibot";
import { endpoints } from "@/lib/config";
import type { TrackUpdate } from "@/lib/song";
import { id, nullableText, songSchema, text } from "@/lib/song-schema";

const requester = v.nullable(
  v.object({ uuid: nullableText, username: nullableText, displayName: nullableText }),
);

/** Whether `raw` is an http(s) URL of one file in the events folder of the CDN the app is configured with. */
export function isCdnEventImage(raw: string, cdnOrigin = endpoints.cdnOrigin): boolean {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === "https:" || url.protocol === "http:") &&
      url.origin === new URL(cdnOrigin).origin &&
      /^\/events\/[^/]+$/.test(url.pathname)
    );
  } catch {
    return false;
  }
}

/**
 * Event images arrive as full URLs (protocol §6), the one image the wire names in full. Only files in
 * our CDN's events folder survive: a frame must not point every listener's browser anywhere else.
 */
const eventImage = v.optional(
  v.pipe(
    v.nullable(text),
    v.transform((url) => (url !== null && isCdnEventImage(url) ? url : null)),
  ),
  null,
);

const event = v.nullable(
  v.object({
    id: v.optional(v.nullable(id), null),
    name: nullableText,
    slug: nullableText,
    image: eventImage,
  }),
);

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** `lastPlayed` entries that do not parse are dropped on their own; they never sink the frame. */
const lenientSongs = v.pipe(
  v.optional(v.array(v.unknown()), []),
  v.transform((items) =>
    items.flatMap((item) => {
      const parsed = v.safeParse(songSchema, item);
      return parsed.success ? [parsed.output] : [];
    }),
  ),
);

export const playbackSchema = v.object({
  song: songSchema,
  requester: v.optional(requester, null),
  event: v.optional(event, null),
  startTime: v.optional(v.nullable(v.string()), null),
  lastPlayed: lenientSongs,
  listeners: v.optional(count),
  queue: v.optional(v.object({ inQueue: count, inQueueByUser: count, inQueueBeforeUser: count })),
});

const welcomeSchema = v.object({
  message: v.optional(v.string()),
  heartbeat: v.optional(v.number()),
  user: v.optional(
    v.nullable(v.object({ username: nullableText, displayName: nullableText, uuid: nullableText })),
  ),
});

const envelopeSchema = v.object({
  op: v.pipe(v.number(), v.integer()),
  d: v.optional(v.unknown()),
  t: v.optional(v.nullable(v.string())),
});

export type GatewayFrame =
  | {
      kind: "welcome";
      heartbeatMs: number | null;
      user: { username: string | null; displayName: string | null } | null;
    }
  | { kind: "ack" }
  | { kind: "track"; event: string; payload: TrackUpdate }
  | { kind: "ignored" }
  | { kind: "invalid"; reason: string };

/** Parse one raw frame. Never throws: bad input becomes `invalid`, unknown ops and events `ignored`. */
export function parseFrame(raw: unknown, maxChars: number): GatewayFrame {
  if (typeof raw !== "string") return { kind: "invalid", reason: "binary frame" };
  if (raw.length === 0) return { kind: "ignored" };
  if (raw.length > maxChars) return { kind: "invalid", reason: "oversized frame" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: "invalid", reason: "malformed JSON" };
  }
  const envelope = v.safeParse(envelopeSchema, json);
  if (!envelope.success) return { kind: "invalid", reason: "bad envelope" };
  const { op, d, t } = envelope.output;
  switch (op) {
    case 0: {
      const welcome = v.safeParse(welcomeSchema, d ?? {});
      if (!welcome.success) return { kind: "invalid", reason: "bad welcome" };
      return {
        kind: "welcome",
        heartbeatMs: welcome.output.heartbeat ?? null,
        user: welcome.output.user ?? null,
      };
    }
    case 10:
      return { kind: "ack" };
    case 1: {
      if (t !== "TRACK_UPDATE" && t !== "TRACK_UPDATE_REQUEST") return { kind: "ignored" };
      const payload = v.safeParse(playbackSchema, d);
      if (!payload.success) return { kind: "invalid", reason: `bad ${t} payload` };
      return { kind: "track", event: t, payload: payload.output };
    }
    default:
      return { kind: "ignored" };
  }
}
