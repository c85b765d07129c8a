// One radio station's clock: what is playing, since when, what played before, how many listen.
// Songs change after their real duration divided by `speed`. J-pop and K-pop are independent.

import { EventEmitter } from "node:events";
import { REQUESTERS } from "./catalogue.mjs";
import { createRandom, hashString } from "./random.mjs";

/**
 * A play of one song on one station.
 * @typedef {object} Play
 * @property {number} id play-statistic id
 * @property {number} songId
 * @property {number} startedAt epoch ms when it actually started
 * @property {{uuid:string, username:string, displayName:string}|null} requester
 * @property {boolean} event whether the station event was running
 * @property {number} listeners listener count when it started
 */

const HISTORY_LIMIT = 500;
const PRESEEDED_PLAYS = 20;

export class Station extends EventEmitter {
  /**
   * @param {object} options
   * @param {"jpop"|"kpop"} options.key
   * @param {import("./catalogue.mjs").Catalogue} options.catalogue
   * @param {number} options.seed
   * @param {number} options.speed
   * @param {boolean} [options.listenerDrift] drift the listener count every ~10-20 s (scaled by speed)
   * @param {boolean} [options.rebroadcastOnDrift] sometimes re-send a same-song TRACK_UPDATE on drift
   */
  constructor({ key, catalogue, seed, speed, listenerDrift = true, rebroadcastOnDrift = true }) {
    super();
    this.key = key;
    this.catalogue = catalogue;
    this.speed = speed;
    this.listenerDrift = listenerDrift;
    this.rebroadcastOnDrift = rebroadcastOnDrift;
    this.rotationRandom = createRandom(seed ^ hashString(`${key}:rotation`));
    this.driftRandom = createRandom(seed ^ hashString(`${key}:drift`));
    this.songs = catalogue.stations[key];
    this.rotation = [];
    this.lastSongId = null;
    this.playIds = key === "jpop" ? 510_000 : 910_000;
    this.playCounter = this.rotationRandom.int(0, 17);
    this.listeners = key === "jpop" ? this.driftRandom.int(80, 140) : this.driftRandom.int(25, 60);
    this.backgroundQueue = this.driftRandom.int(3, 12);
    /** @type {{songId:number, account:{uuid:string, username:string, displayName:string}, createdAt:number}[]} */
    this.requests = [];
    /** @type {Play[]} most recent first, excluding the current play */
    this.history = [];
    this.timer = null;
    this.driftTimer = null;
    this.stopped = false;
    /** False: songs change only on `advance()` (the control API's /next), never when they end. */
    this.autoAdvance = true;

    // Pre-seed a history and start the current song part-way through, so the first frame already
    // has realistic lastPlayed entries and a progress bar that is not at zero.
    const now = Date.now();
    const plays = Array.from({ length: PRESEEDED_PLAYS + 1 }, () =>
      this.makePlay(this.nextFromRotation(), 0),
    );
    const current = plays.pop();
    const fraction = 0.05 + this.rotationRandom.next() * 0.45;
    const duration = this.songOf(current).duration;
    current.startedAt = now - (fraction * duration * 1000) / this.speed;
    let at = current.startedAt;
    for (const play of plays.reverse()) {
      at -= (this.songOf(play).duration * 1000) / this.speed;
      play.startedAt = Math.round(at);
      this.history.push(play);
    }
    current.startedAt = Math.round(current.startedAt);
    this.current = current;
    this.segmentStart = now;
    this.segmentNominal = fraction * duration;
    this.schedule();
    this.scheduleDrift();
  }

  songOf(play) {
    return this.catalogue.songs.get(play.songId);
  }

  get song() {
    return this.songOf(this.current);
  }

  nextFromRotation() {
    if (this.rotation.length === 0) {
      let order = this.rotationRandom.shuffle(this.songs.map((s) => s.id));
      if (order[0] === this.lastSongId) order = [...order.slice(1), order[0]];
      this.rotation = order;
    }
    const songId = this.rotation.shift();
    this.lastSongId = songId;
    return {
      songId,
      requester: this.rotationRandom.chance(0.25) ? this.rotationRandom.pick(REQUESTERS) : null,
    };
  }

  makePlay({ songId, requester }, startedAt) {
    // The station event runs for 6 plays out of every 18.
    const event = Math.floor(this.playCounter / 6) % 3 === 1;
    this.playCounter++;
    return { id: ++this.playIds, songId, startedAt, requester, event, listeners: this.listeners };
  }

  /** Seconds of the current song that have "played" (speed-adjusted). */
  elapsedNominal(now = Date.now()) {
    return this.segmentNominal + ((now - this.segmentStart) * this.speed) / 1000;
  }

  schedule() {
    clearTimeout(this.timer);
    if (this.stopped || !this.autoAdvance) return;
    const remaining = Math.max(0, ((this.song.duration - this.elapsedNominal()) * 1000) / this.speed);
    this.timer = setTimeout(() => this.advance(), remaining);
    this.timer.unref?.();
  }

  scheduleDrift() {
    clearTimeout(this.driftTimer);
    if (this.stopped || !this.listenerDrift) return;
    const delay = Math.max(2000, this.driftRandom.int(10_000, 20_000) / this.speed);
    this.driftTimer = setTimeout(() => {
      const delta = this.driftRandom.int(-3, 3);
      this.listeners = Math.max(1, this.listeners + delta);
      this.backgroundQueue = Math.min(20, Math.max(0, this.backgroundQueue + this.driftRandom.int(-1, 1)));
      if (delta !== 0 && this.rebroadcastOnDrift && this.driftRandom.chance(0.5)) this.emit("listeners");
      this.scheduleDrift();
    }, delay);
    this.driftTimer.unref?.();
  }

  /** Starts the next song now (a queued request first) and emits "track". */
  advance() {
    if (this.stopped) return;
    const now = Date.now();
    this.history.unshift(this.current);
    if (this.history.length > HISTORY_LIMIT) this.history.length = HISTORY_LIMIT;
    const request = this.requests.shift();
    const next = request
      ? {
          songId: request.songId,
          requester: {
            uuid: request.account.uuid,
            username: request.account.username,
            displayName: request.account.displayName,
          },
        }
      : this.nextFromRotation();
    this.current = this.makePlay(next, now);
    this.segmentStart = now;
    this.segmentNominal = 0;
    this.schedule();
    this.emit("track", this.current);
  }

  /** Holds the current song past its end (false) or lets songs end again (true; one overdue ends now). */
  setAutoAdvance(on) {
    this.autoAdvance = on;
    this.schedule();
  }

  setSpeed(speed) {
    const now = Date.now();
    this.segmentNominal = this.elapsedNominal(now);
    this.segmentStart = now;
    this.speed = speed;
    this.schedule();
    this.scheduleDrift();
  }

  /** Queues a requested song (plays before the rotation); returns the queue item. */
  request(songId, account) {
    const item = { songId, account, createdAt: Date.now() };
    this.requests.push(item);
    this.emit("queue");
    return item;
  }

  /** Queue counters as the v1 gateway reports them for one user. */
  queueFor(username) {
    const index = this.requests.findIndex((r) => r.account.username === username);
    return {
      inQueue: this.backgroundQueue + this.requests.length,
      inQueueByUser: this.requests.filter((r) => r.account.username === username).length,
      inQueueBeforeUser: Math.max(0, index),
    };
  }

  /** Plays, most recent first, including the current one. */
  plays() {
    return [this.current, ...this.history];
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.driftTimer);
  }
}
