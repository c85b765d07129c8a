// Every song request a user made, for the daily limit and `User.requests`. A request is
// `processed` once its song has left the station's queue (it played or is playing).

const DAY_MS = 86_400_000;

/**
 * @typedef {object} RequestEntry
 * @property {string} username
 * @property {number} songId
 * @property {"jpop"|"kpop"} station
 * @property {number} createdAt epoch ms
 * @property {object} queued the item in the station's queue (identity tells if it is still there)
 */

/** @param {Record<"jpop"|"kpop", import("./stations.mjs").Station>} stations */
export function createRequestLedger(stations) {
  /** @type {RequestEntry[]} */
  let entries = [];
  return {
    /** Queues the song on its station and records the request. */
    add(account, song, at = Date.now()) {
      const queued = stations[song.station].request(song.id, account);
      const entry = {
        username: account.username,
        songId: song.id,
        station: song.station,
        createdAt: queued.createdAt ?? at,
        queued,
      };
      entries.push(entry);
      return entry;
    },
    /** Requests made since the start of the current UTC day (production's "for today"). */
    usedToday(username, at = Date.now()) {
      const dayStart = at - (at % DAY_MS);
      return entries.filter((e) => e.username === username && e.createdAt >= dayStart).length;
    },
    /** A user's requests, most recent first. */
    of(username) {
      return entries.filter((e) => e.username === username).reverse();
    },
    processed(entry) {
      return !stations[entry.station].requests.includes(entry.queued);
    },
    /** `{username: count today}` for the control API's state. */
    snapshot() {
      const out = {};
      for (const e of entries) out[e.username] = this.usedToday(e.username);
      return out;
    },
    /** Forgets every request and empties the stations' request queues. */
    reset() {
      entries = [];
      for (const station of Object.values(stations)) station.requests.length = 0;
    },
  };
}
