import type { Queue, Song, Track, TrackUpdate } from "@/lib/song";
import { deriveStartedAt, learnStampMeaning, type StampMeaning } from "./start-time";

export const HISTORY_LIMIT = 30;
/** A different song that started this much earlier than ours is a late, out-of-order frame. */
const STALE_TOLERANCE_MS = 2_000;
/**
 * How far a server's clock may plausibly run ahead of ours. A `startTime` further ahead than the
 * song's length (it may be the song's end) plus this is garbage, a hostile or broken frame, and never
 * orders anything: trusted, one stamp an hour ahead would hold its song on screen through every real
 * update after it. A stamp in the past needs no bound: it can only make its own song look older.
 */
export const PLAUSIBLE_SKEW_MS = 10 * 60_000;
/** The length assumed for a song whose duration is unknown (0), for that window. */
const UNKNOWN_DURATION_MS = 15 * 60_000;

export interface HistoryEntry {
  song: Song;
  /** When it started, if we saw it play; `lastPlayed` entries carry no time. */
  playedAt: number | null;
}

export interface StationNowPlaying {
  track: Track | null;
  listeners: number | null;
  history: HistoryEntry[];
  queue: Queue | null;
  /** When the last frame carrying `queue` arrived (our clock), so a fresher GraphQL answer can win. */
  queueAt?: number | null;
  /** The current track's `startTime` as sent, on the server's clock: orders frames free of our clock's skew. */
  startStamp?: number | null;
  /** Set by a (re)connect: the next frame is the station's word, whatever it says about order. */
  acceptNext?: boolean;
  /** A song the page failed to draw: it does not move on into the history. */
  unshowableId?: number | null;
  /** What this station's `startTime` means, learned from the last song change seen live. */
  stampMeaning?: StampMeaning | null;
}

export const EMPTY_STATION: StationNowPlaying = { track: null, listeners: null, history: [], queue: null };

/** `fresh` then `existing`, each song once, without the one on air, at most HISTORY_LIMIT. */
export function mergeHistory(
  fresh: HistoryEntry[],
  existing: HistoryEntry[],
  currentId: number,
): HistoryEntry[] {
  const seen = new Set<number>([currentId]);
  const merged: HistoryEntry[] = [];
  for (const entry of [...fresh, ...existing]) {
    if (seen.has(entry.song.id)) continue;
    seen.add(entry.song.id);
    merged.push(entry);
    if (merged.length === HISTORY_LIMIT) break;
  }
  return merged;
}

export function sameHistory(a: HistoryEntry[], b: HistoryEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.song.id === b[i].song.id);
}

function sameTrackInfo(a: Track, b: Track): boolean {
  return (
    a.requester?.displayName === b.requester?.displayName &&
    a.event?.name === b.event?.name &&
    a.event?.image === b.event?.image &&
    a.song.favorite === b.song.favorite
  );
}

function sameQueue(a: Queue | null, b: Queue | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.inQueue === b.inQueue &&
      a.inQueueByUser === b.inQueueByUser &&
      a.inQueueBeforeUser === b.inQueueBeforeUser)
  );
}

/**
 * The plays before the incoming song, newest first. The frame's `lastPlayed` is the station's word on
 * the latest order, so the song that was on screen goes where that list puts it (with the start time
 * and duration we know, which the list's copy often lacks). A song the list does not name played
 * before both of its songs: we were away for three songs or more (a reconnect, another station's tab,
 * a reload of a saved page), so it goes after them; with no list at all it is simply the newest we know.
 */
function recentPlays(finished: Track | null, lastPlayed: Song[]): HistoryEntry[] {
  const plays: HistoryEntry[] = lastPlayed.map((song) =>
    song.id === finished?.song.id
      ? { song: finished.song, playedAt: finished.startedAt }
      : { song, playedAt: null },
  );
  if (finished && !lastPlayed.some((song) => song.id === finished.song.id))
    plays.push({ song: finished.song, playedAt: finished.startedAt });
  return plays;
}

/**
 * Fold one TRACK_UPDATE into a station's state. Pure; keeps every unchanged reference, so a
 * listener-count-only update leaves `track` and `history` identical and their views do not re-render.
 */
export function applyTrackUpdate(
  state: StationNowPlaying,
  update: TrackUpdate,
  now: number,
): StationNowPlaying {
  const stamp = plausibleStamp(update.startTime, update.song.duration, now);
  const current = state.track;
  // An implausible stamp says nothing about when the song started either.
  const startedAtIfMeaning = (meaning: StampMeaning | null) =>
    stamp === null ? now : deriveStartedAt(update.startTime, update.song.duration, now, meaning);
  const liveChange = !state.acceptNext && current !== null && current.song.id !== update.song.id;
  if (liveChange && startedEarlier(stamp, startedAtIfMeaning(state.stampMeaning ?? null), state, current))
    return state;

  // Only a song change taken live says what the stamp means; a late frame above teaches nothing.
  const stampMeaning =
    (liveChange ? learnStampMeaning(stamp, update.song.duration, now) : null) ?? state.stampMeaning ?? null;
  const startedAt = startedAtIfMeaning(stampMeaning);
  const incoming: Track = { song: update.song, requester: update.requester, event: update.event, startedAt };

  const listeners = update.listeners ?? state.listeners;
  const queue = update.queue ?? null;
  const sameSong = current !== null && current.song.id === incoming.song.id;
  const track = sameSong && sameTrackInfo(current, incoming) ? current : incoming;

  const finished = current && !sameSong && current.song.id !== state.unshowableId ? current : null;
  const merged = mergeHistory(recentPlays(finished, update.lastPlayed), state.history, track.song.id);
  const history = sameHistory(merged, state.history) ? state.history : merged;

  if (
    !state.acceptNext &&
    track === current &&
    history === state.history &&
    listeners === state.listeners &&
    sameQueue(queue, state.queue) &&
    !update.queue
  ) {
    return state;
  }
  return {
    track,
    listeners,
    history,
    queue: sameQueue(queue, state.queue) ? state.queue : queue,
    queueAt: queue ? now : null,
    startStamp: track === current && !state.acceptNext ? (state.startStamp ?? null) : stamp,
    acceptNext: false,
    stampMeaning,
  };
}

/** A new connection: stamps from the old one order nothing, and its first frame is taken as it is. */
export function connectionStarted(state: StationNowPlaying): StationNowPlaying {
  return state.acceptNext ? state : { ...state, startStamp: null, acceptNext: true };
}

/** The frame's `startTime` on the server's clock, or null when missing, unparseable or implausibly far ahead. */
export function plausibleStamp(
  startTime: string | null,
  durationSeconds: number,
  now: number,
): number | null {
  const stamp = startTime ? Date.parse(startTime) : Number.NaN;
  if (!Number.isFinite(stamp)) return null;
  const songMs = durationSeconds > 0 ? durationSeconds * 1000 : UNKNOWN_DURATION_MS;
  return stamp - now <= songMs + PLAUSIBLE_SKEW_MS ? stamp : null;
}

/**
 * Whether an incoming song started before the current one (a late frame). Two server stamps compare
 * exactly, on the server's own clock; our derived start times can disagree with them when our clock
 * is off and a stamp's meaning (start or end) is guessed from it, so they are only the fallback, with
 * a tolerance for that guesswork.
 */
function startedEarlier(stamp: number | null, startedAt: number, state: StationNowPlaying, current: Track) {
  const currentStamp = state.startStamp ?? null;
  if (stamp !== null && currentStamp !== null) return stamp < currentStamp;
  return startedAt < current.startedAt - STALE_TOLERANCE_MS;
}
