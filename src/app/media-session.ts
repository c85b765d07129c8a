/** Composition: tell the operating system what is playing, and let its media keys drive the player. */
import { getNowPlaying, subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { playRequested, stopRequested } from "@/features/player/audio-session";
import { type PlaybackStatus, subscribeToPlayer } from "@/features/player/player-store";
import { getSettings, subscribeToSettings } from "@/features/settings/settings-store";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { cdnUrl } from "@/lib/config";
import { getT, subscribeToLanguage } from "@/lib/i18n";
import { artistLine, coverFile, entityName, songTitle } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";

const ARTWORK_SIZES = [96, 128, 192, 256, 384, 512];

function updateMetadata(session: MediaSession, station: StationId) {
  const track = getNowPlaying(station).track;
  if (!track || typeof MediaMetadata === "undefined") return;
  const cover = cdnUrl("covers", coverFile(track.song));
  const romaji = getSettings().preferRomaji;
  session.metadata = new MediaMetadata({
    title: songTitle(track.song, romaji),
    artist: artistLine(track.song, romaji),
    album: track.song.albums[0]
      ? entityName(track.song.albums[0], romaji)
      : getT().app.stationTitle(stationName(station)),
    artwork: cover ? ARTWORK_SIZES.map((size) => ({ src: cover, sizes: `${size}x${size}` })) : [],
  });
}

function playbackState(status: PlaybackStatus): MediaSessionPlaybackState {
  if (status === "stopped" || status === "failed" || status === "blocked") return "paused";
  return "playing";
}

function setHandler(
  session: MediaSession,
  action: MediaSessionAction,
  handler: MediaSessionActionHandler | null,
) {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // Browsers throw for actions they do not support.
  }
}

export function startMediaSession(): () => void {
  if (typeof navigator === "undefined" || !("mediaSession" in navigator)) return () => {};
  const session = navigator.mediaSession;
  setHandler(session, "play", () => playRequested());
  setHandler(session, "pause", () => stopRequested());
  setHandler(session, "stop", () => stopRequested());
  // A live stream cannot seek or skip.
  for (const action of ["seekto", "seekbackward", "seekforward", "previoustrack", "nexttrack"] as const) {
    setHandler(session, action, null);
  }
  updateMetadata(session, getStation());
  const unsubscribers = [
    subscribeToTrack((station) => {
      if (station === getStation()) updateMetadata(session, station);
    }),
    subscribeToStation((station) => updateMetadata(session, station)),
    subscribeToSettings(
      (s) => s.preferRomaji,
      () => updateMetadata(session, getStation()),
    ),
    // The fallbacks ("Untitled", the station album) are words in the page's language.
    subscribeToLanguage(() => updateMetadata(session, getStation())),
    subscribeToPlayer(
      (s) => s.status,
      (status) => {
        session.playbackState = playbackState(status);
      },
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
