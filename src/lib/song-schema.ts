/** Schemas for LISTEN.moe's song objects, shared by the gateway frames and the GraphQL answers. */
import * as v from "valibot";
import type { Artist, NamedEntity, Song } from "./song";

/** Server strings are shown as text; cap them so a hostile frame cannot balloon the DOM. */
const MAX_TEXT = 300;
export const text = v.pipe(
  v.string(),
  v.transform((s) => s.slice(0, MAX_TEXT)),
);
export const nullableText = v.optional(v.nullable(text), null);
export const id = v.pipe(v.number(), v.integer());

const entity = v.object({
  id,
  name: nullableText,
  nameRomaji: nullableText,
  image: nullableText,
});

const artist = v.pipe(
  v.object({
    ...entity.entries,
    characters: v.optional(v.array(v.object({ id })), []),
  }),
  v.transform(({ characters, ...rest }): Artist => ({ ...rest, characterIds: characters.map((c) => c.id) })),
);

const entityList = v.optional(v.array(entity), []);

export const songSchema = v.pipe(
  v.object({
    id,
    title: nullableText,
    titleRomaji: nullableText,
    artists: v.optional(v.array(artist), []),
    characters: entityList,
    albums: entityList,
    sources: entityList,
    duration: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(24 * 3600)), 0),
    favorite: v.optional(v.boolean()),
  }),
  v.transform((s): Song => ({ ...s, characters: s.characters as NamedEntity[] })),
);
