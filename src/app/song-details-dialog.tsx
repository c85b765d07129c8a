import { useState } from "react";
import { CoverImage } from "@/components/ui/cover-image";
import { Dialog } from "@/components/ui/dialog";
import { CopyIcon, ExternalIcon } from "@/components/ui/icons";
import { usePreferRomaji } from "@/features/settings/settings-store";
import { cdnUrl } from "@/lib/config";
import {
  artistCredits,
  coverFile,
  entityName,
  type NamedEntity,
  type SitePage,
  type Song,
  sitePageUrl,
  songInfoLine,
  songTitle,
} from "@/lib/song";

function EntityLinks({
  heading,
  kind,
  items,
  romaji,
}: {
  heading: string;
  kind: SitePage;
  items: NamedEntity[];
  romaji: boolean;
}) {
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
              {entityName(item, romaji)}
              <ExternalIcon aria-hidden="true" className="text-xs opacity-60" />
              <span className="sr-only">(opens LISTEN.moe in a new tab)</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Everything known about one song, with links to its LISTEN.moe pages and a "Copy song info" action. */
export function SongDetailsDialog({ song, onClose }: { song: Song; onClose(): void }) {
  const romaji = usePreferRomaji();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const title = songTitle(song, romaji);
  const credits = artistCredits(song, romaji);

  async function copy() {
    try {
      await navigator.clipboard.writeText(songInfoLine(song, romaji));
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
        <EntityLinks heading="Artists" kind="artists" items={song.artists} romaji={romaji} />
        <EntityLinks heading="Characters" kind="characters" items={song.characters} romaji={romaji} />
        <EntityLinks heading="Albums" kind="albums" items={song.albums} romaji={romaji} />
        <EntityLinks heading="Sources" kind="sources" items={song.sources} romaji={romaji} />
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={() => void copy()}
            className="inline-flex items-center gap-2 rounded-full bg-fg/10 px-4 py-2 font-semibold ring-1 ring-fg/15 hover:bg-fg/15 focus-visible:outline-2 focus-visible:outline-fg"
          >
            <CopyIcon />
            Copy song info
          </button>
          <p role="status" className="text-xs text-ink-muted">
            {copied === "yes" ? "Copied" : copied === "no" ? "Copying is not allowed here" : ""}
          </p>
        </div>
      </div>
    </Dialog>
  );
}
