// Reading the local station from the bench (in-process): what a station is playing, and the title
// the app will show for it (lib/song.ts songTitle: the title, else "Untitled"; v2 songs carry no romaji).

/** @param {{title?: string|null, titleRomaji?: string|null}} song */
export function titleOf(song) {
  return song.title?.trim() || song.titleRomaji?.trim() || "Untitled";
}

/**
 * @param {import("../tests/station/server.d.mts").RunningStation} station
 * @param {"jpop"|"kpop"} key
 */
export function playing(station, key) {
  const { song, listeners } = station.state().stations[key];
  return { song, title: titleOf(song), listeners };
}

/** Open gateway sockets as the station counts them ({jpop, kpop, total}; cheaper than state()). */
export const openSockets = (station) => station.gateway.counts();
