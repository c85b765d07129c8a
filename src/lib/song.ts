/** Domain types for what LISTEN.moe plays, and the pure rules for showing them. */

export interface NamedEntity {
  id: number;
  name: string | null;
  nameRomaji: string | null;
  image: string | null;
}

export interface Artist extends NamedEntity {
  /** Ids of the characters this artist voices in this song, resolved against `Song.characters`. */
  characterIds: number[];
}

export interface Song {
  id: number;
  title: string | null;
  titleRomaji: string | null;
  artists: Artist[];
  characters: NamedEntity[];
  albums: NamedEntity[];
  sources: NamedEntity[];
  /** Seconds; 0 means unknown (common in `lastPlayed`). */
  duration: number;
  /**
   * Known to be a favorite of the logged-in listener: the seed (v1) gateway's flag for an
   * authenticated socket, or `true` for a GraphQL `search` answer that came as a `Favorite`.
   */
  favorite?: boolean;
}

export interface Requester {
  uuid: string | null;
  username: string | null;
  displayName: string | null;
}

export interface StationEvent {
  id: number | null;
  name: string | null;
  slug: string | null;
  image: string | null;
}

export interface Queue {
  inQueue: number;
  inQueueByUser: number;
  inQueueBeforeUser: number;
}

/**
 * The queue line as shown, whichever source it came from (the seed gateway's `d.queue`, or GraphQL
 * `queue` and `userQueue`): the station's queue length, and the listener's own requests.
 */
export interface QueueLine {
  /** Songs queued on the station; null when no source tells it for this station. */
  length: number | null;
  /** The listener's queued requests and how many songs play before the next one; null when unknown. */
  yours: { amount: number; before: number } | null;
}

/** The seed gateway's counters as a queue line. */
export function gatewayQueueLine(queue: Queue): QueueLine {
  return {
    length: queue.inQueue,
    yours: { amount: queue.inQueueByUser, before: queue.inQueueBeforeUser },
  };
}

export interface Track {
  song: Song;
  requester: Requester | null;
  event: StationEvent | null;
  /** When the song started, epoch ms on our clock (derived from the disputed `startTime`). */
  startedAt: number;
}

/** One op 1 TRACK_UPDATE payload, validated. */
export interface TrackUpdate {
  song: Song;
  requester: Requester | null;
  event: StationEvent | null;
  /** Raw and disputed: the song's start or its end (protocol §2.9.1). */
  startTime: string | null;
  lastPlayed: Song[];
  listeners?: number;
  queue?: Queue;
}

/** How to show names: romaji first or not, and the words for what is missing, in the page's language. */
export interface SongDisplay {
  preferRomaji: boolean;
  words: { unknownName: string; untitled: string; unknownArtist: string };
}

export function entityName(entity: NamedEntity, { preferRomaji, words }: SongDisplay): string {
  const first = preferRomaji ? entity.nameRomaji : entity.name;
  const second = preferRomaji ? entity.name : entity.nameRomaji;
  return first?.trim() || second?.trim() || words.unknownName;
}

export function songTitle(song: Song, { preferRomaji, words }: SongDisplay): string {
  const first = preferRomaji ? song.titleRomaji : song.title;
  const second = preferRomaji ? song.title : song.titleRomaji;
  return first?.trim() || second?.trim() || words.untitled;
}

export interface ArtistCredit {
  key: string;
  /** "Character (CV: Artist)" when the artist voices characters, else the artist's name. */
  label: string;
  artist: Artist;
}

export function artistCredits(song: Song, display: SongDisplay): ArtistCredit[] {
  const characters = new Map(song.characters.map((c) => [c.id, c]));
  return song.artists.map((artist) => {
    const artistName = entityName(artist, display);
    const voiced = artist.characterIds
      .map((id) => characters.get(id))
      .filter((c): c is NamedEntity => c !== undefined)
      .map((c) => entityName(c, display));
    const label = voiced.length > 0 ? `${voiced.join(", ")} (CV: ${artistName})` : artistName;
    return { key: `${artist.id}`, label, artist };
  });
}

export function artistLine(song: Song, display: SongDisplay): string {
  const credits = artistCredits(song, display);
  return credits.length > 0 ? credits.map((c) => c.label).join(", ") : display.words.unknownArtist;
}

/** The first album that has an image, as official clients do. */
export function coverFile(song: Song): string | null {
  return song.albums.find((album) => album.image)?.image ?? null;
}

/** "Artists – Title", the line people paste into chats. */
export function songInfoLine(song: Song, display: SongDisplay): string {
  return `${artistLine(song, display)} – ${songTitle(song, display)}`;
}

export type SitePage = "artists" | "characters" | "albums" | "sources";

/** LISTEN.moe's own page for an artist, character, album or source (ids only: nothing else from the wire). */
export function sitePageUrl(kind: SitePage, id: number, origin = "https://listen.moe"): string {
  return `${origin}/${kind}/${encodeURIComponent(String(id))}`;
}

/**
 * A listener's LISTEN.moe profile, or null when there is no username to link (a display name alone
 * names nobody's page). The name becomes one encoded path segment; "." and ".." (also when encoded)
 * would climb out of /u/, so they get no link.
 */
export function profileUrl(
  username: string | null | undefined,
  origin = "https://listen.moe",
): string | null {
  if (!username || username.trim() === "" || /^\.{1,2}$/.test(username)) return null;
  try {
    return `${origin}/u/${encodeURIComponent(username)}`;
  } catch {
    return null; // a lone surrogate; boundedText replaces those, but a URL must never throw
  }
}
