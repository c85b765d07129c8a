// Gateway frames (protocol §2.2-§2.7). Objects are built in the wire's key order: op, d, t.

import { EVENTS, gatewaySong } from "./catalogue.mjs";

export const WELCOME_MESSAGE = "Welcome to LISTEN.moe! Enjoy your stay!";

export const OP = Object.freeze({ WELCOME: 0, DISPATCH: 1, REQUEST: 2, HEARTBEAT: 9, HEARTBEAT_ACK: 10 });

/** @param {{heartbeat: number, user?: {uuid:string, email:string, username:string, displayName:string}}} d */
export function welcomeFrame({ heartbeat, user }) {
  const d = { message: WELCOME_MESSAGE };
  if (user)
    d.user = { uuid: user.uuid, email: user.email, username: user.username, displayName: user.displayName };
  d.heartbeat = heartbeat;
  return { op: OP.WELCOME, d };
}

export function dispatchFrame(t, d) {
  return { op: OP.DISPATCH, d, t };
}

/**
 * The station event object. Its image is a full URL on another origin than the CDN (§2.9.7), as in
 * production, served by the station's image host (image-host.mjs).
 */
export function eventObject(stationKey, imageOrigin) {
  const event = EVENTS[stationKey];
  return { ...event, image: `${imageOrigin}/${encodeURIComponent(event.slug)}.png` };
}

/**
 * Whether a lastPlayed entry reports its real duration. Production often sends 0 (§2.9.2).
 * @param {"zero"|"mixed"|"real"} mode
 */
function keepsDuration(play, mode) {
  if (mode === "real") return true;
  if (mode === "zero") return false;
  return play.id % 3 === 0;
}

/**
 * The `d` of an op 1 TRACK_UPDATE for a play (the current one, or an older one for "stale"
 * fault frames). Seed/v1 sockets with a user get `favorite` on songs and `queue`.
 * @param {import("./stations.mjs").Station} station
 * @param {import("./stations.mjs").Play} play
 * @param {object} ctx
 * @param {string} ctx.imageOrigin origin of the event images
 * @param {"start"|"end"} ctx.startTime
 * @param {"zero"|"mixed"|"real"} ctx.lastPlayedDurations
 * @param {"v2"|"seed"} [ctx.protocol]
 * @param {string|null} [ctx.username] authenticated seed user
 * @param {(username: string, songId: number) => boolean} [ctx.isFavorite]
 */
export function trackPayload(station, play, ctx) {
  const { catalogue } = station;
  const protocol = ctx.protocol ?? "v2";
  const plays = station.plays();
  const index = Math.max(0, plays.indexOf(play));
  const previous = plays.slice(index + 1, index + 3);
  const personal = protocol === "seed" && ctx.username;
  const favorite = (songId) => (personal ? Boolean(ctx.isFavorite?.(ctx.username, songId)) : undefined);
  const song = station.songOf(play);
  const current = gatewaySong(catalogue, song, { protocol, favorite: favorite(song.id) });
  const d = {
    // During an event the song goes out without albums, as in the production capture, so the event
    // image is the only art there is.
    song: play.event ? { ...current, albums: [] } : current,
    requester: play.requester ? { ...play.requester } : null,
    event: play.event ? eventObject(station.key, ctx.imageOrigin) : null,
    startTime: new Date(play.startedAt + (ctx.startTime === "end" ? song.duration * 1000 : 0)).toISOString(),
    lastPlayed: previous.map((p) => {
      const s = station.songOf(p);
      return gatewaySong(catalogue, s, {
        protocol,
        favorite: favorite(s.id),
        duration: keepsDuration(p, ctx.lastPlayedDurations) ? s.duration : 0,
      });
    }),
  };
  if (personal) d.queue = station.queueFor(ctx.username);
  d.listeners = play === station.current ? station.listeners : play.listeners;
  return d;
}
