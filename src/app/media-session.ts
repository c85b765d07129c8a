/** Composition: tell the operating system what is playing, and let its media keys drive the player. */
import { getNowPlaying, subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { playRequested, stopRequested } from "@/features/player/audio-session";
import { type PlaybackStatus, subscribeToPlayer } from "@/features/player/player-store";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { trackArtworkUrl } from "@/lib/config";
import { getSongDisplay, subscribeToDisplay } from "@/lib/display-preferences";
import { getT, subscribeToLanguage } from "@/lib/i18n";
import { artistLine, entityName, songTitle } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";

const ARTWORK_SIZES = [96, 128, 192, 256, 384, 512];
/** A live stream cannot seek or skip. */
const UNSUPPORTED_ACTIONS = ["seekto", "seekbackward", "seekforward", "previoustrack", "nexttrack"] as const;

function updateMetadata(session: MediaSession, station: StationId) {
  if (typeof MediaMetadata === "undefined") return;
  const track = getNowPlaying(station).track;
  if (!track) {
    // A station switched to before its first song: its name, never the other station's song.
    session.metadata = new MediaMetadata({ title: getT().app.stationTitle(stationName(station)) });
    return;
  }
  const cover = trackArtworkUrl(track);
  const display = getSongDisplay();
  session.metadata = new MediaMetadata({
    title: songTitle(track.song, display),
    artist: artistLine(track.song, display),
    album: track.song.albums[0]
      ? entityName(track.song.albums[0], display)
      : getT().app.stationTitle(stationName(station)),
    artwork: cover ? ARTWORK_SIZES.map((size) => ({ src: cover, sizes: `${size}x${size}` })) : [],
  });
}

function playbackState(status: PlaybackStatus): MediaSessionPlaybackState {
  // No sound device: nothing is heard, so the system's controls should not say "playing".
  if (status === "stopped" || status === "failed" || status === "blocked" || status === "no-output")
    return "paused";
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

export function startMediaSession(navigator: Navigator): () => void {
  if (!("mediaSession" in navigator)) return () => {};
  const session = navigator.mediaSession;
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ["play", () => playRequested()],
    ["pause", () => stopRequested()],
    ["stop", () => stopRequested()],
  ];
  for (const [action, handler] of handlers) setHandler(session, action, handler);
  for (const action of UNSUPPORTED_ACTIONS) setHandler(session, action, null);
  const refresh = () => updateMetadata(session, getStation());
  refresh();
  const unsubscribers = [
    subscribeToTrack((station) => {
      if (station === getStation()) updateMetadata(session, station);
    }),
    subscribeToStation(refresh),
    subscribeToDisplay(refresh),
    // The fallbacks ("Untitled", the station album) are words in the page's language.
    subscribeToLanguage(refresh),
    subscribeToPlayer(
      (s) => s.status,
      (status) => {
        session.playbackState = playbackState(status);
      },
    ),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    for (const [action] of handlers) setHandler(session, action, null);
    session.metadata = null;
  };
}
