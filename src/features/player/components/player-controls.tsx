import { MutedIcon, PlayIcon, StopIcon, VolumeIcon } from "@/components/ui/icons";
import { formatTimeOfDay } from "@/lib/format";
import { canSetVolume, playRequested, stopRequested } from "../audio-session";
import {
  muteToggled,
  type PlaybackStatus,
  useMuted,
  usePlaybackStatus,
  usePlayerMessage,
  useSleepAt,
  useVolume,
  volumeChanged,
} from "../player-store";

const STATUS_TEXT: Record<PlaybackStatus, string> = {
  stopped: "Stopped",
  connecting: "Connecting to the stream…",
  playing: "Playing",
  buffering: "Buffering…",
  recovering: "Reconnecting the stream…",
  failed: "Playback failed",
  blocked: "Press Play to listen",
};

const ACTIVE: ReadonlySet<PlaybackStatus> = new Set(["connecting", "playing", "buffering", "recovering"]);

export function PlayerControls() {
  const status = usePlaybackStatus();
  const message = usePlayerMessage();
  const sleepAt = useSleepAt();
  const active = ACTIVE.has(status);
  return (
    <div className="flex w-full items-center gap-4">
      <button
        type="button"
        onClick={active ? stopRequested : playRequested}
        className="grid h-14 w-14 shrink-0 place-items-center rounded-full bg-station-fill text-2xl text-white shadow-lg shadow-station/30 transition-transform motion-reduce:transition-none hover:scale-105 active:scale-95 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white"
      >
        {active ? <StopIcon /> : <PlayIcon className="translate-x-0.5" />}
        <span className="sr-only">{active ? "Stop" : "Play"}</span>
      </button>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold" aria-live="polite">
          {STATUS_TEXT[status]}
        </p>
        {message ? (
          <p role="alert" className="truncate text-xs text-danger">
            {message}
          </p>
        ) : (
          <p className="truncate text-xs text-ink-muted">
            {sleepAt
              ? `Sleep timer: stops at ${formatTimeOfDay(sleepAt)}`
              : active
                ? "Live radio"
                : "Tap play to tune in"}
          </p>
        )}
      </div>
      <VolumeControl />
    </div>
  );
}

const VOLUME_SLIDER = canSetVolume();

function VolumeControl() {
  const volume = useVolume();
  const muted = useMuted();
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        aria-pressed={muted}
        onClick={muteToggled}
        className="grid h-10 w-10 place-items-center rounded-full text-xl text-fg/80 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-fg"
      >
        {muted ? <MutedIcon /> : <VolumeIcon />}
        <span className="sr-only">Mute</span>
      </button>
      {VOLUME_SLIDER && (
        <input
          type="range"
          aria-label="Volume"
          min={0}
          max={100}
          step={1}
          value={muted ? 0 : Math.round(volume * 100)}
          aria-valuetext={muted ? "Muted" : `${Math.round(volume * 100)}%`}
          onChange={(event) => volumeChanged(Number(event.currentTarget.value) / 100)}
          onWheel={(event) => volumeChanged(volume + (event.deltaY < 0 ? 0.05 : -0.05))}
          className="w-20 accent-(--station) sm:w-28"
        />
      )}
    </div>
  );
}
