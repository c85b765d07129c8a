import { MutedIcon, PlayIcon, StopIcon, VolumeIcon } from "@/components/ui/icons";
import { formatPercent, formatTimeOfDay } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { audioWanted, canSetVolume, playRequested, stopRequested } from "../audio-session";
import {
  muteToggled,
  type PlaybackStatus,
  useMuted,
  usePlaybackStatus,
  usePlayerNotice,
  useSleepAt,
  useVolume,
  volumeChanged,
} from "../player-store";

const ACTIVE: ReadonlySet<PlaybackStatus> = new Set([
  "connecting",
  "playing",
  "buffering",
  "recovering",
  // Still listening as far as the listener is concerned: Stop stays available while we wait for a device.
  "no-output",
]);

export function PlayerControls() {
  const status = usePlaybackStatus();
  const notice = usePlayerNotice();
  const sleepAt = useSleepAt();
  const t = useT();
  const locale = useLocale();
  const active = ACTIVE.has(status);
  return (
    <div className="flex w-full items-center gap-4">
      <button
        type="button"
        onClick={active ? stopRequested : playRequested}
        // Fetch the audio machinery as the press begins, so it is usually in when the click lands.
        onPointerEnter={audioWanted}
        onPointerDown={audioWanted}
        onFocus={audioWanted}
        className="grid h-14 w-14 shrink-0 place-items-center rounded-full bg-station-fill text-2xl text-white shadow-lg shadow-station/30 transition-transform motion-reduce:transition-none hover:scale-105 active:scale-95 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white"
      >
        {active ? <StopIcon /> : <PlayIcon className="translate-x-0.5" />}
        <span className="sr-only">{active ? t.player.stop : t.player.play}</span>
      </button>
      <div className="min-w-0 flex-1">
        {/* A status line, not a paragraph: bold text in a <p> above another reads as a heading to some tools. */}
        <div className="text-sm font-semibold" aria-live="polite">
          {t.player.status[status]}
        </div>
        {notice ? (
          <p role="alert" className="truncate text-xs text-danger">
            {t.player[notice]}
          </p>
        ) : (
          <p className="truncate text-xs text-ink-muted">
            {sleepAt
              ? t.player.sleepTimerStopsAt(formatTimeOfDay(sleepAt, locale))
              : status === "no-output"
                ? t.player.resumesWithDevice
                : active
                  ? t.player.liveRadio
                  : t.player.tapToPlay}
          </p>
        )}
      </div>
      <VolumeControl />
    </div>
  );
}

function VolumeControl() {
  const volume = useVolume();
  const muted = useMuted();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex items-center gap-2">
      <button
        type="button"
        aria-pressed={muted}
        onClick={muteToggled}
        className="grid h-10 w-10 place-items-center rounded-full text-xl text-fg/80 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-fg"
      >
        {muted ? <MutedIcon /> : <VolumeIcon />}
        <span className="sr-only">{t.player.mute}</span>
      </button>
      {canSetVolume() && (
        <input
          type="range"
          aria-label={t.player.volume}
          min={0}
          max={100}
          step={1}
          value={muted ? 0 : Math.round(volume * 100)}
          aria-valuetext={muted ? t.player.muted : formatPercent(Math.round(volume * 100) / 100, locale)}
          onChange={(event) => volumeChanged(Number(event.currentTarget.value) / 100)}
          onWheel={(event) => volumeChanged(volume + (event.deltaY < 0 ? 0.05 : -0.05))}
          className="w-20 accent-(--station) sm:w-28"
        />
      )}
    </div>
  );
}
