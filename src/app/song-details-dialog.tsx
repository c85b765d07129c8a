import { useState } from "react";
import { CoverImage } from "@/components/ui/cover-image";
import { Dialog } from "@/components/ui/dialog";
import { CopyIcon, ExternalIcon } from "@/components/ui/icons-on-demand";
import { cdnUrl } from "@/lib/config";
import { useSongDisplay } from "@/lib/display-preferences";
import { useMessages, useT } from "@/lib/i18n";
import {
  artistCredits,
  coverFile,
  entityName,
  type NamedEntity,
  type SitePage,
  type Song,
  type SongDisplay,
  sitePageUrl,
  songInfoLine,
  songTitle,
} from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { renderRequest } from "./request-slots";
import { songDetailsMessages } from "./song-details-messages";

function EntityLinks({
  heading,
  kind,
  items,
  display,
}: {
  heading: string;
  kind: SitePage;
  items: NamedEntity[];
  display: SongDisplay;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-widest text-ink-muted">{heading}</h3>
      <ul className="flex flex-col gap-1">
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={sitePageUrl(kind, item.id)}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1.5 rounded text-fg/90 underline-offset-4 hover:text-station hover:underline focus-visible:outline-2 focus-visible:outline-fg"
            >
              {entityName(item, display)}
              <ExternalIcon aria-hidden="true" className="text-xs opacity-60" />
              <span className="sr-only">{t.nowPlaying.opensInNewTab}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Everything known about one song, with links to its LISTEN.moe pages and a "Copy song info" action. */
export function SongDetailsDialog({
  song,
  station,
  onClose,
}: {
  song: Song;
  station: StationId;
  onClose(): void;
}) {
  const display = useSongDisplay();
  const words = useMessages(songDetailsMessages);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const title = songTitle(song, display);
  const credits = artistCredits(song, display);

  async function copy() {
    try {
      await navigator.clipboard.writeText(songInfoLine(song, display));
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="flex flex-col gap-4 text-sm">
        <CoverImage
          src={cdnUrl("covers", coverFile(song))}
          alt=""
          className="aspect-square w-32 rounded-2xl"
        />
        {credits.length > 0 && (
          <p className="text-base text-fg/85">{credits.map((credit) => credit.label).join(", ")}</p>
        )}
        <EntityLinks heading={words.artists} kind="artists" items={song.artists} display={display} />
        <EntityLinks heading={words.characters} kind="characters" items={song.characters} display={display} />
        <EntityLinks heading={words.albums} kind="albums" items={song.albums} display={display} />
        <EntityLinks heading={words.sources} kind="sources" items={song.sources} display={display} />
        <div className="flex flex-wrap items-center gap-3">
          {renderRequest(station)(song)}
          <button
            type="button"
            onClick={() => void copy()}
            className="inline-flex items-center gap-2 rounded-full bg-fg/10 px-4 py-2 font-semibold ring-1 ring-fg/15 hover:bg-fg/15 focus-visible:outline-2 focus-visible:outline-fg"
          >
            <CopyIcon />
            {words.copySongInfo}
          </button>
          <p role="status" className="text-xs text-ink-muted">
            {copied === "yes" ? words.copied : copied === "no" ? words.copyNotAllowed : ""}
          </p>
        </div>
      </div>
    </Dialog>
  );
}
