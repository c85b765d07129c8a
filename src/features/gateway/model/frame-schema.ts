import * as v from "valibot";
import type { TrackUpdate } from "@/lib/song";
import { nullableText, trackUpdateSchema } from "@/lib/song-schema";
import { EVENT, OP } from "../protocol";

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
  | { kind: "track"; event: string; payload: TrackUpdate; droppedFields: string[] }
  | { kind: "ignored" }
  | { kind: "invalid"; reason: string };

/**
 * Fields the server sent that the schema turned into "nothing" rather than failing the frame: today
 * the event image from a host that is not allowed. Counted, so a dropped field is visible, not silent.
 */
function droppedFields(raw: unknown, payload: TrackUpdate): string[] {
  const sent = (raw as { event?: { image?: unknown } | null } | null)?.event?.image;
  return typeof sent === "string" && sent !== "" && payload.event?.image == null ? ["event.image"] : [];
}

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
    case OP.WELCOME: {
      const welcome = v.safeParse(welcomeSchema, d ?? {});
      if (!welcome.success) return { kind: "invalid", reason: "bad welcome" };
      return {
        kind: "welcome",
        heartbeatMs: welcome.output.heartbeat ?? null,
        user: welcome.output.user ?? null,
      };
    }
    case OP.HEARTBEAT_ACK:
      return { kind: "ack" };
    case OP.DISPATCH: {
      if (t !== EVENT.TRACK_UPDATE && t !== EVENT.TRACK_UPDATE_REQUEST) return { kind: "ignored" };
      const payload = v.safeParse(trackUpdateSchema, d);
      if (!payload.success) return { kind: "invalid", reason: `bad ${t} payload` };
      return {
        kind: "track",
        event: t,
        payload: payload.output,
        droppedFields: droppedFields(d, payload.output),
      };
    }
    default:
      return { kind: "ignored" };
  }
}
