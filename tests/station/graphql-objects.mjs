// GraphQL object builders: catalogue songs and account profiles in the production schema's shape
// (schema.graphql). Fields that change over time (lastPlayed, played) are resolver functions.

const slugify = (text, id) =>
  /^[\x20-\x7e]+$/.test(text ?? "")
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
    : `song-${id}`;

/**
 * @param {object} deps
 * @param {import("./catalogue.mjs").Catalogue} deps.catalogue
 * @param {Record<"jpop"|"kpop", import("./stations.mjs").Station>} deps.stations
 */
export function createObjects({ catalogue, stations }) {
  const character = (id) => {
    const c = catalogue.characters.get(id);
    return { ...c, slug: slugify(c.nameRomaji ?? c.name, c.id) };
  };
  const artist = (id) => {
    const a = catalogue.artists.get(id);
    return {
      id: a.id,
      name: a.name,
      nameRomaji: a.nameRomaji,
      image: a.image,
      slug: slugify(a.nameRomaji ?? a.name, a.id),
      characters: a.characters.map(character),
    };
  };
  /** @param {import("./catalogue.mjs").Song} song */
  const songObject = (song) => {
    const station = stations[song.station];
    return {
      __typename: "Song",
      id: song.id,
      title: song.title,
      titleRomaji: song.titleRomaji,
      titleSearchRomaji: song.titleRomaji?.toLowerCase() ?? null,
      slug: slugify(song.titleRomaji ?? song.title, song.id),
      duration: song.duration,
      trackNumber: null,
      group: false,
      snippet: null,
      lastPlayed: () => String(station.plays().find((p) => p.songId === song.id)?.startedAt ?? 0),
      played: () => station.plays().filter((p) => p.songId === song.id).length,
      enabled: true,
      jpop: song.station === "jpop",
      kpop: song.station === "kpop",
      artists: song.artists.map(artist),
      characters: song.characters.map(character),
      albums: song.albums.map((id) => ({ ...catalogue.albums.get(id) })),
      sources: song.sources.map((id) => ({ ...catalogue.sources.get(id) })),
      uploader: null,
    };
  };
  /** A profile's own fields (favorites and requests come from graphql-library.mjs). */
  const profileFields = (profile) => ({
    uuid: profile.uuid,
    username: profile.username,
    displayName: profile.displayName,
    avatarImage: profile.avatarImage ?? null,
    bannerImage: profile.bannerImage ?? null,
    bio: profile.bio ?? null,
    roles: profile.roles ?? [],
    additionalSongRequests: 0,
    uploadLimit: 2,
    uploads: { count: 0 },
  });
  return { songObject, profileFields };
}
