/**
 * Property-based tests of the gateway frame parser: thousands of random, structured and mutated
 * frames must never make `parseFrame` throw, and whatever it returns must be one of its five kinds
 * with domain data the stores can trust.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NamedEntity, Song, TrackUpdate } from "@/lib/song";
import { isAllowedEventImage, LIST_LIMITS } from "@/lib/song-schema";
import { boundedText } from "@/lib/text";
import { ACK, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { type GatewayFrame, parseFrame } from "../model/frame-schema";
import { MAX_FRAME_CHARS } from "../protocol";

/** Shown text is capped at this many code points (the schema's MAX_TEXT). */
const MAX_TEXT = 300;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const KINDS = new Set(["welcome", "ack", "track", "ignored", "invalid"]);
const FUZZ = { timeout: 30_000 };

function check(condition: boolean, message: string) {
  if (!condition) throw new Error(message);
}

/** Null, or well-formed text of at most MAX_TEXT code points. */
const isText = (value: unknown) =>
  value === null ||
  (typeof value === "string" && [...value].length <= MAX_TEXT && !LONE_SURROGATE.test(value));
const isCount = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value >= 0;

function checkEntity(entity: NamedEntity, where: string) {
  check(Number.isInteger(entity.id), `${where}: id ${entity.id}`);
  for (const key of ["name", "nameRomaji", "image"] as const) check(isText(entity[key]), `${where}.${key}`);
}

function checkSong(song: Song, where: string) {
  check(Number.isInteger(song.id), `${where}.id ${song.id}`);
  check(isText(song.title) && isText(song.titleRomaji), `${where}: title`);
  check(song.duration >= 0 && song.duration <= 24 * 3600, `${where}.duration ${song.duration}`);
  for (const list of ["artists", "characters", "albums", "sources"] as const) {
    check(Array.isArray(song[list]) && song[list].length <= LIST_LIMITS[list], `${where}.${list}`);
    for (const entity of song[list]) checkEntity(entity, `${where}.${list}`);
  }
  for (const artist of song.artists) {
    check(artist.characterIds.every(Number.isInteger), `${where}: character refs`);
  }
  check(song.favorite === undefined || typeof song.favorite === "boolean", `${where}.favorite`);
}

function checkPayload(d: TrackUpdate) {
  checkSong(d.song, "song");
  for (const [i, song] of d.lastPlayed.entries()) checkSong(song, `lastPlayed[${i}]`);
  check(
    d.requester === null || (isText(d.requester.displayName) && isText(d.requester.username)),
    "requester",
  );
  check(d.event === null || (isText(d.event.name) && isText(d.event.image)), "event");
  check(
    d.event?.image == null || isAllowedEventImage(d.event.image),
    `event image ${d.event?.image} from a host not allowed`,
  );
  check(d.startTime === null || typeof d.startTime === "string", "startTime");
  check(d.listeners === undefined || isCount(d.listeners), `listeners ${d.listeners}`);
  check(
    d.queue === undefined ||
      [d.queue.inQueue, d.queue.inQueueByUser, d.queue.inQueueBeforeUser].every(isCount),
    "queue",
  );
}

/** Parses `raw` (never throwing is part of the property) and checks what came out. */
function parseAndCheck(raw: unknown, maxChars = MAX_FRAME_CHARS): GatewayFrame {
  const frame = parseFrame(raw, maxChars);
  check(KINDS.has(frame.kind), `kind ${frame.kind}`);
  if (typeof raw !== "string") check(frame.kind === "invalid", "a non-text frame was accepted");
  else if (raw.length > maxChars) check(frame.kind === "invalid", "an oversized frame was parsed");
  switch (frame.kind) {
    case "invalid":
      check(typeof frame.reason === "string" && frame.reason.length > 0, "invalid without a reason");
      break;
    case "welcome":
      check(frame.heartbeatMs === null || typeof frame.heartbeatMs === "number", "heartbeat");
      check(
        frame.user === null || (isText(frame.user.username) && isText(frame.user.displayName)),
        "welcome user",
      );
      break;
    case "track":
      check(frame.event === "TRACK_UPDATE" || frame.event === "TRACK_UPDATE_REQUEST", `event ${frame.event}`);
      checkPayload(frame.payload);
      break;
  }
  return frame;
}

// --- generators ---------------------------------------------------------------------------------

const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "<script>alert(1)</script>", "\u0000", "\uD800", "x".repeat(5000)),
);
const nullableText = fc.option(text, { nil: null });
const entity = fc.record({
  id: fc.integer(),
  name: nullableText,
  nameRomaji: nullableText,
  image: nullableText,
});
const validSong = fc.record({
  id: fc.integer(),
  title: nullableText,
  artists: fc.array(
    fc.record({
      id: fc.integer(),
      name: nullableText,
      nameRomaji: nullableText,
      image: nullableText,
      characters: fc.array(fc.record({ id: fc.integer() }), { maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
  characters: fc.array(entity, { maxLength: 2 }),
  albums: fc.array(entity, { maxLength: 2 }),
  sources: fc.array(entity, { maxLength: 2 }),
  duration: fc.integer({ min: 0, max: 24 * 3600 }),
});
const validPayload = fc.record({
  song: validSong,
  requester: fc.option(fc.record({ uuid: nullableText, username: nullableText, displayName: nullableText }), {
    nil: null,
  }),
  event: fc.option(
    fc.record({ id: fc.integer(), name: nullableText, slug: nullableText, image: nullableText }),
    {
      nil: null,
    },
  ),
  startTime: fc.option(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    { nil: null },
  ),
  lastPlayed: fc.array(validSong, { maxLength: 3 }),
  listeners: fc.nat(),
});

/** Envelopes whose parts range from right to absurd. */
const envelope = fc
  .record(
    {
      op: fc.oneof(
        fc.constantFrom(0, 1, 2, 9, 10),
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.constant(null),
      ),
      t: fc.oneof(
        fc.constantFrom("TRACK_UPDATE", "TRACK_UPDATE_REQUEST", "QUEUE_UPDATE", "NOTIFICATION", null),
        fc.string(),
        fc.integer(),
      ),
      d: fc.oneof(validPayload, fc.jsonValue({ maxDepth: 4 }), fc.constant(undefined)),
    },
    { requiredKeys: [] },
  )
  .map((frame) => JSON.stringify(frame));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON tree, parents before children. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) out.push(...paths(item, [...prefix, i]));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  }
  return out;
}

type Mutation = {
  at: number;
  op: "delete" | "replace" | "wrap" | "stringify" | "huge" | "proto";
  value: Json;
};

/** Applies one mutation to a copy of `tree` at the `at`-th path (mod the number of paths). */
function mutate(tree: Json, { at, op, value }: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(tree)) as Json;
  const all = paths(copy);
  const path = all[at % all.length];
  if (path.length === 0) return op === "replace" ? value : copy;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key], copy) as
    | Record<string, Json>
    | Json[];
  const key = path[path.length - 1] as keyof typeof parent;
  const old = parent[key] as Json;
  switch (op) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case "replace":
      (parent as Record<string, Json>)[key] = value;
      break;
    case "wrap":
      (parent as Record<string, Json>)[key] = [old];
      break;
    case "stringify":
      (parent as Record<string, Json>)[key] = JSON.stringify(old) ?? "";
      break;
    case "huge":
      (parent as Record<string, Json>)[key] = "\u{1F3B5}".repeat(2_000);
      break;
    case "proto":
      // A key that would pollute Object.prototype if the parser ever assigned it naively.
      if (!Array.isArray(parent)) {
        Object.defineProperty(parent, "__proto__", {
          value: { polluted: true },
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      break;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("delete", "replace", "wrap", "stringify", "huge", "proto"),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
});

/** A production-shaped TRACK_UPDATE with every optional part present. */
const SEED_FRAME = JSON.parse(
  trackUpdate(
    rawSong(1611, "Tokimeki Starlight", {
      artists: [{ id: 7, name: "星空", nameRomaji: "Hoshizora", image: "a.jpg", characters: [{ id: 3 }] }],
      characters: [{ id: 3, name: "Kotori", nameRomaji: null, image: null }],
      albums: [{ id: 9, name: "Kirameki", nameRomaji: null, image: "c.jpg" }],
      sources: [{ id: 5, name: null, nameRomaji: "Academy OP", image: null }],
    }),
    { listeners: 120 },
  ),
) as Json;

/** Text-level damage: cut, insert and overwrite characters in a valid frame's JSON. */
const textDamage = fc
  .record({
    cut: fc.option(fc.nat(), { nil: undefined }),
    insertAt: fc.nat(),
    insert: fc.string({ unit: "binary", maxLength: 4 }),
  })
  .map(({ cut, insertAt, insert }) => {
    const raw = JSON.stringify(SEED_FRAME);
    const at = insertAt % (raw.length + 1);
    const damaged = raw.slice(0, at) + insert + raw.slice(at);
    return cut === undefined ? damaged : damaged.slice(0, cut % (damaged.length + 1));
  });

// --- properties ---------------------------------------------------------------------------------

describe("parseFrame under fuzzing", () => {
  it("never throws on arbitrary text, JSON or non-text input", FUZZ, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.json(), fc.anything()), (raw) => {
        parseAndCheck(raw);
      }),
      { numRuns: 3000 },
    );
  });

  it(
    "turns random envelopes into valid kinds, and accepts TRACK_UPDATEs only with sound payloads",
    FUZZ,
    () => {
      fc.assert(
        fc.property(envelope, (raw) => {
          parseAndCheck(raw);
        }),
        { numRuns: 3000 },
      );
    },
  );

  it("survives mutations of a real TRACK_UPDATE, keeping the song whenever it still parses", FUZZ, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const tree = mutations.reduce(mutate, SEED_FRAME);
        const frame = parseAndCheck(JSON.stringify(tree));
        if (frame.kind === "track") check(Number.isInteger(frame.payload.song.id), "song id");
      }),
      { numRuns: 3000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("survives text-level damage to a real frame", FUZZ, () => {
    fc.assert(
      fc.property(textDamage, (raw) => {
        parseAndCheck(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts every well-formed TRACK_UPDATE, with its strings capped for display", FUZZ, () => {
    fc.assert(
      fc.property(validPayload, fc.constantFrom("TRACK_UPDATE", "TRACK_UPDATE_REQUEST"), (d, t) => {
        const frame = parseAndCheck(JSON.stringify({ op: 1, d, t }), Number.MAX_SAFE_INTEGER);
        check(frame.kind === "track", `a well-formed frame was rejected: ${JSON.stringify(frame)}`);
        if (frame.kind !== "track") return;
        check(frame.event === t, "event name");
        check(frame.payload.song.id === d.song.id, "song id");
        check(
          frame.payload.song.title === (d.song.title === null ? null : boundedText(d.song.title, MAX_TEXT)),
          "title",
        );
        check(
          frame.payload.lastPlayed.length === Math.min(d.lastPlayed.length, LIST_LIMITS.lastPlayed),
          "lastPlayed",
        );
      }),
      { numRuns: 1500 },
    );
  });

  it("rejects frames over the size limit before reading them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), (max) => {
        const frame = parseAndCheck(`{"op":10}${" ".repeat(max)}`, max);
        check(frame.kind === "invalid", "oversized frame parsed");
      }),
      { numRuns: 200 },
    );
    // The fixtures' own frames still parse, so the checks above are not vacuous.
    expect(parseAndCheck(welcome()).kind).toBe("welcome");
    expect(parseAndCheck(ACK).kind).toBe("ack");
    expect(parseAndCheck(JSON.stringify(SEED_FRAME)).kind).toBe("track");
  });
});
