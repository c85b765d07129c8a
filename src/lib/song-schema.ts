/** Schemas for LISTEN.moe's song objects, shared by the gateway frames and the GraphQL answers. */
import * as v from "valibot";
import { endpoints } from "./config";
import type { Artist, NamedEntity, Song } from "./song";
import { boundedText } from "./text";

/** Server strings are shown as text; cap them (in code points, well formed) so a hostile frame cannot balloon the DOM. */
const MAX_TEXT = 300;
export const text = v.pipe(
  v.string(),
  v.transform((s) => boundedText(s, MAX_TEXT)),
);
export const nullableText = v.optional(v.nullable(text), null);
export const id = v.pipe(v.number(), v.integer());

const entity = v.object({
  id,
  name: nullableText,
  nameRomaji: nullableText,
  image: nullableText,
});

/**
 * What a screen can show of each list, cut before validation so a hostile or corrupt array (30,000
 * artists) costs neither parsing nor DOM. Applies to every path: gateway, GraphQL and storage.
 */
export const LIST_LIMITS = { artists: 12, characters: 12, albums: 8, sources: 8, lastPlayed: 30 } as const;

/** An optional list of at most `max` items, each checked by `item`. */
export function boundedList<TItem extends v.GenericSchema>(item: TItem, max: number) {
  return v.optional(
    v.pipe(
      v.array(v.unknown()),
      v.transform((items) => items.slice(0, max)),
      v.array(item),
    ),
    [],
  );
}

/**
 * The items of a list that `item` accepts, at most `max` of them: one that fails is dropped on its
 * own, so one bad row never hides the rest (GraphQL lists of songs, favorites, plays).
 */
export function validItems<TItem extends v.GenericSchema>(item: TItem, max = Number.POSITIVE_INFINITY) {
  return v.pipe(
    v.array(v.unknown()),
    v.transform((items) =>
      items.slice(0, max).flatMap((raw): v.InferOutput<TItem>[] => {
        const parsed = v.safeParse(item, raw);
        return parsed.success ? [parsed.output] : [];
      }),
    ),
  );
}

const artist = v.pipe(
  v.object({
    ...entity.entries,
    characters: boundedList(v.object({ id }), LIST_LIMITS.characters),
  }),
  v.transform(({ characters, ...rest }): Artist => ({ ...rest, characterIds: characters.map((c) => c.id) })),
);

/**
 * The GraphQL selection that fills `songSchema`: every query that returns songs (history, favorites,
 * search, requests) asks for the same fields, so every list can show and favorite a song alike.
 */
export const SONG_FIELDS = `id title titleRomaji duration
  artists { id name nameRomaji image characters { id } }
  characters { id name nameRomaji image }
  albums { id name nameRomaji image }
  sources { id name nameRomaji image }`;

export const songSchema = v.pipe(
  v.object({
    id,
    title: nullableText,
    titleRomaji: nullableText,
    artists: boundedList(artist, LIST_LIMITS.artists),
    characters: boundedList(entity, LIST_LIMITS.characters),
    albums: boundedList(entity, LIST_LIMITS.albums),
    sources: boundedList(entity, LIST_LIMITS.sources),
    duration: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(24 * 3600)), 0),
    favorite: v.optional(v.boolean()),
  }),
  v.transform((s): Song => ({ ...s, characters: s.characters as NamedEntity[] })),
);

const requester = v.nullable(
  v.object({ uuid: nullableText, username: nullableText, displayName: nullableText }),
);

/** Where event images may come from: the CDN's events folder, and the configured image origins. */
export interface EventImageSources {
  cdnOrigin: string;
  imageOrigins: readonly string[];
}

/** Longer than any real image URL; a longer one is dropped rather than cut into another URL. */
const MAX_IMAGE_URL = 2048;

/**
 * Whether `raw` may become an event image: one file in the events folder of our CDN, or a file on one
 * of the configured image origins (production sends i.imgur.com URLs). Origins are compared whole,
 * scheme and port included; credentials in the URL are refused.
 */
export function isAllowedEventImage(raw: string, sources: EventImageSources = endpoints): boolean {
  if (raw.length > MAX_IMAGE_URL) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  if (url.username || url.password) return false;
  if (url.origin === new URL(sources.cdnOrigin).origin) return /^\/events\/[^/]+$/.test(url.pathname);
  return sources.imageOrigins.includes(url.origin) && url.pathname !== "/";
}

/**
 * Event images arrive as full URLs (protocol §6), the one image the wire names in full. Only allowed
 * sources survive: a frame must not point every listener's browser anywhere else. A refused image
 * becomes null (the placeholder); the gateway counts it as a dropped field (see frame-schema.ts).
 */
const eventImage = v.optional(
  v.pipe(
    v.nullable(v.string()),
    v.transform((url) => (url !== null && isAllowedEventImage(url) ? url : null)),
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
    items.slice(0, LIST_LIMITS.lastPlayed).flatMap((item) => {
      const parsed = v.safeParse(songSchema, item);
      return parsed.success ? [parsed.output] : [];
    }),
  ),
);

/** One TRACK_UPDATE payload (`d`): what the gateway sends and what the offline snapshot keeps. */
export const trackUpdateSchema = v.object({
  song: songSchema,
  requester: v.optional(requester, null),
  event: v.optional(event, null),
  startTime: v.optional(v.nullable(v.string()), null),
  lastPlayed: lenientSongs,
  listeners: v.optional(count),
  queue: v.optional(v.object({ inQueue: count, inQueueByUser: count, inQueueBeforeUser: count })),
});
