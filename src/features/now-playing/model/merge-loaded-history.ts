/**
 * Plays loaded from the API, folded into what the gateway delivered. Its own module: only the
 * lazily loaded query session needs it, so it stays off the first screen.
 */
import type { Song } from "@/lib/song";
import { type HistoryEntry, mergeHistory, type StationNowPlaying, sameHistory } from "./apply-track-update";

/**
 * What the gateway leaves out and the API has: the romanised title (never on the gateway) and a
 * length (often 0 in `lastPlayed`). Everything else stays as the gateway sent it.
 */
function fillFromLoaded(song: Song, loaded: Song | undefined): Song {
  if (!loaded) return song;
  const titleRomaji = song.titleRomaji ?? loaded.titleRomaji;
  const duration = song.duration > 0 ? song.duration : loaded.duration;
  return titleRomaji === song.titleRomaji && duration === song.duration
    ? song
    : { ...song, titleRomaji, duration };
}

/**
 * Merge plays loaded from the API (most recent first, with start times) into what the gateway
 * delivered. The live order stays as it is; a live entry, and the song on air, take what only the
 * API knows (a start time, the romanised title, a length); each new entry goes in just before the
 * first live entry that started earlier than it did.
 */
export function mergeLoadedHistory(state: StationNowPlaying, loaded: HistoryEntry[]): StationNowPlaying {
  const byId = new Map(loaded.map((entry) => [entry.song.id, entry]));
  const known = new Set(state.history.map((entry) => entry.song.id));
  const live = state.history.map((entry) => {
    const match = byId.get(entry.song.id);
    const song = fillFromLoaded(entry.song, match?.song);
    const playedAt = entry.playedAt ?? match?.playedAt ?? null;
    return song === entry.song && playedAt === entry.playedAt ? entry : { song, playedAt };
  });
  const extra = loaded.filter((entry) => !known.has(entry.song.id));
  const ordered: HistoryEntry[] = [];
  let next = 0;
  for (const entry of live) {
    const anchor = entry.playedAt;
    if (anchor !== null) {
      while (next < extra.length && (extra[next].playedAt ?? Number.NEGATIVE_INFINITY) > anchor)
        ordered.push(extra[next++]);
    }
    ordered.push(entry);
  }
  ordered.push(...extra.slice(next));
  const merged = mergeHistory(ordered, [], state.track?.song.id ?? -1);
  const history =
    sameHistory(merged, state.history) && merged.every((entry, i) => entry === state.history[i])
      ? state.history
      : merged;
  const { track } = state;
  const song = track && fillFromLoaded(track.song, byId.get(track.song.id)?.song);
  const filledTrack = track && song && song !== track.song ? { ...track, song } : track;
  return history === state.history && filledTrack === track
    ? state
    : { ...state, track: filledTrack, history };
}
