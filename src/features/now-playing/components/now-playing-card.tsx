import { memo } from "react";
import { CoverImage } from "@/components/ui/cover-image";
import { DiscIcon, InfoIcon, SparkIcon, TvIcon, UserIcon } from "@/components/ui/icons";
import { cdnUrl, trackArtworkUrl } from "@/lib/config";
import { useSongDisplay } from "@/lib/display-preferences";
import { around, useT } from "@/lib/i18n";
import { artistCredits, entityName, profileUrl, type Song, songTitle, type Track } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";
import { useCurrentTrack } from "../now-playing-store";
import { SongProgress } from "./song-progress";

interface NowPlayingCardProps {
  station: StationId;
  /** Extra controls for the current song (a favorite button), composed by the app. */
  actions?: React.ReactNode;
  /** Listener count, rendered by its own component so count updates re-render only it. */
  listeners?: React.ReactNode;
  onShowDetails?: (song: Song) => void;
}

export function NowPlayingCard({ station, actions, listeners, onShowDetails }: NowPlayingCardProps) {
  const track = useCurrentTrack(station);
  const t = useT();
  return (
    <section
      aria-label={t.nowPlaying.nowPlaying}
      // Top-aligned beside the cover: the title stays put from song to song, however many lines the
      // details below it take, and index.html's static shell can put it in the same place.
      className="flex min-w-0 flex-col gap-6 sm:flex-row sm:items-start"
    >
      {track ? (
        <TrackDetails track={track} actions={actions} listeners={listeners} onShowDetails={onShowDetails} />
      ) : (
        <Tuning station={station} />
      )}
    </section>
  );
}

function Tuning({ station }: { station: StationId }) {
  const t = useT();
  return (
    <div className="flex w-full flex-col gap-6 sm:flex-row sm:items-end" aria-busy="true">
      <div className="mx-auto aspect-square w-full max-w-80 animate-pulse motion-reduce:animate-none rounded-3xl bg-fg/5 sm:w-64" />
      <div className="flex flex-1 flex-col gap-3">
        <p className="text-sm font-semibold uppercase tracking-widest text-station">
          {t.nowPlaying.nowPlaying}
        </p>
        <p className="text-2xl font-bold text-fg/70">{t.nowPlaying.tuningIn(stationName(station))}</p>
        <div className="h-4 w-1/2 animate-pulse motion-reduce:animate-none rounded bg-fg/5" />
      </div>
    </div>
  );
}

/**
 * The title's first paint is what a listener waits for; `elementtiming` lets the Element Timing API
 * report when it was presented (`npm run bench` reads it). React passes the attribute through; its
 * types do not list it.
 */
const ELEMENT_TIMING = { elementtiming: "now-playing-title" } as React.HTMLAttributes<HTMLHeadingElement>;

const TrackDetails = memo(function TrackDetails({
  track,
  actions,
  listeners,
  onShowDetails,
}: {
  track: Track;
  actions?: React.ReactNode;
  listeners?: React.ReactNode;
  onShowDetails?: (song: Song) => void;
}) {
  const display = useSongDisplay();
  const t = useT();
  const { song, requester, event } = track;
  const credits = artistCredits(song, display);
  const cover = trackArtworkUrl(track);
  const title = songTitle(song, display);
  return (
    <>
      <CoverImage
        src={cover}
        alt={t.nowPlaying.coverOf(title)}
        loading="eager"
        className="mx-auto aspect-square w-full max-w-80 shrink-0 rounded-3xl sm:mx-0 sm:w-64 lg:w-72 shadow-2xl shadow-station/20 ring-1 ring-fg/10"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm font-semibold uppercase tracking-widest text-station">
            {t.nowPlaying.nowPlaying}
          </p>
          {event?.name && (
            <p className="inline-flex max-w-full items-center gap-1 rounded-full bg-station/15 px-2.5 py-0.5 text-xs font-medium text-station-soft ring-1 ring-station/30">
              <SparkIcon className="shrink-0" />
              <span className="truncate">{t.nowPlaying.event(event.name)}</span>
            </p>
          )}
        </div>
        <div className="flex items-start gap-3">
          <h2
            {...ELEMENT_TIMING}
            className="min-w-0 flex-1 text-3xl font-extrabold leading-tight tracking-tight break-words sm:text-4xl"
          >
            {title}
          </h2>
          <div className="flex shrink-0 items-center gap-1">
            {actions}
            {onShowDetails && (
              <button
                type="button"
                onClick={() => onShowDetails(song)}
                className="grid h-11 w-11 place-items-center rounded-full text-xl text-fg/70 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-fg"
              >
                <InfoIcon />
                <span className="sr-only">{t.nowPlaying.songDetails}</span>
              </button>
            )}
          </div>
        </div>
        <p className="text-lg text-fg/85">
          {credits.length === 0 && <span>{t.song.unknownArtist}</span>}
          {credits.map((credit, index) => (
            <span key={credit.key}>
              {index > 0 && ", "}
              <span className="inline-flex items-center gap-1.5 align-middle">
                {credit.artist.image && (
                  <img
                    src={cdnUrl("artists", credit.artist.image) ?? undefined}
                    alt=""
                    loading="lazy"
                    referrerPolicy="no-referrer"
                    className="h-6 w-6 rounded-full object-cover ring-1 ring-fg/20"
                  />
                )}
                <span>{credit.label}</span>
              </span>
            </span>
          ))}
        </p>
        <dl className="flex flex-col gap-1 text-sm text-ink-muted">
          {song.sources.length > 0 && (
            <div className="flex items-center gap-2">
              <dt className="inline-flex items-center gap-1.5">
                <TvIcon aria-hidden="true" />
                <span className="sr-only">{t.nowPlaying.source}</span>
              </dt>
              <dd className="text-fg/75">{song.sources.map((s) => entityName(s, display)).join(", ")}</dd>
            </div>
          )}
          {song.albums.length > 0 && (
            <div className="flex items-center gap-2">
              <dt className="inline-flex items-center gap-1.5">
                <DiscIcon />
                <span className="sr-only">{t.nowPlaying.album}</span>
              </dt>
              <dd className="text-fg/75">{song.albums.map((a) => entityName(a, display)).join(", ")}</dd>
            </div>
          )}
          {(requester?.displayName || requester?.username) && (
            <div className="flex items-center gap-2">
              <dt className="inline-flex items-center gap-1.5">
                <UserIcon />
                <span className="sr-only">{t.nowPlaying.requestedByLabel}</span>
              </dt>
              <RequestedBy
                name={requester.displayName || requester.username || ""}
                profile={profileUrl(requester.username)}
              />
            </div>
          )}
        </dl>
        <SongProgress
          key={`${song.id}:${track.startedAt}`}
          startedAt={track.startedAt}
          duration={song.duration}
        />
        <div className="flex flex-wrap items-center gap-2">{listeners}</div>
      </div>
    </>
  );
});

/**
 * The name is styled on its own; where it sits in the sentence depends on the language. With a
 * username it links to the requester's LISTEN.moe profile.
 */
function RequestedBy({ name, profile }: { name: string; profile: string | null }) {
  const t = useT();
  const [before, after] = around(t.nowPlaying.requestedBy);
  return (
    <dd className="text-fg/75">
      {before}
      {profile ? (
        <a
          href={profile}
          target="_blank"
          rel="noopener noreferrer"
          className="rounded font-medium text-station-soft underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-fg"
        >
          {name}
          <span className="sr-only"> {t.nowPlaying.opensInNewTab}</span>
        </a>
      ) : (
        <span className="font-medium text-station-soft">{name}</span>
      )}
      {after}
    </dd>
  );
}
