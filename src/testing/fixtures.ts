import * as v from "valibot";
import type { TrackUpdate } from "@/lib/song";
import { trackUpdateSchema } from "@/lib/song-schema";
/** Frames shaped like production's (protocol §2.7), for tests. */

export interface RawSong {
  id: number;
  title: string | null;
  artists: {
    id: number;
    name: string | null;
    nameRomaji: string | null;
    image: string | null;
    characters: { id: number }[];
  }[];
  characters: { id: number; name: string | null; nameRomaji: string | null; image: string | null }[];
  albums: { id: number; name: string | null; nameRomaji: string | null; image: string | null }[];
  sources: { id: number; name: string | null; nameRomaji: string | null; image: string | null }[];
  duration: number;
}

export function rawSong(id: number, title: string, extra: Partial<RawSong> = {}): RawSong {
  return {
    id,
    title,
    artists: [{ id: id * 10, name: `Artist ${id}`, nameRomaji: null, image: null, characters: [] }],
    characters: [],
    albums: [],
    sources: [],
    duration: 200,
    ...extra,
  };
}

export function welcome(heartbeat = 35_000) {
  return JSON.stringify({ op: 0, d: { message: "Welcome to LISTEN.moe! Enjoy your stay!", heartbeat } });
}

export function trackUpdate(
  song: RawSong,
  options: { listeners?: number; startTime?: string; lastPlayed?: RawSong[]; t?: string } = {},
) {
  return JSON.stringify({
    op: 1,
    d: {
      song,
      requester: null,
      event: null,
      startTime: options.startTime ?? new Date().toISOString(),
      lastPlayed: options.lastPlayed ?? [
        rawSong(song.id + 1000, "Before"),
        rawSong(song.id + 2000, "Long before"),
      ],
      listeners: options.listeners ?? 100,
    },
    t: options.t ?? "TRACK_UPDATE",
  });
}

export const ACK = JSON.stringify({ op: 10 });

/** A TRACK_UPDATE frame's payload through the real schema, as the now-playing store receives it. */
export function parsedTrackUpdate(frame: string): TrackUpdate {
  const { d } = JSON.parse(frame) as { d: unknown };
  return v.parse(trackUpdateSchema, d);
}
