/**
 * The header's search box: on the first screen, so it holds only the input (on phones, a row of its
 * own under the header's controls). Everything else (the results, Escape, putting the panel away)
 * arrives with the results' chunk (hooks/use-search-keys.ts), which the app loads on the first focus.
 */
import type { ReactNode } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n";
import { searchFocused, searchTyped, useSearchQuery } from "../search-store";

/** Ids the results' chunk uses to find the box. */
export const SEARCH_IDS = { area: "song-search", box: "song-search-box" };

/** The "/" shortcut: the cursor goes into the box (whose focus loads the results' code). */
export function focusSearchBox() {
  document.getElementById(SEARCH_IDS.box)?.focus();
}

export function SearchBox({ children }: { children?: ReactNode }) {
  const t = useT();
  const query = useSearchQuery();
  return (
    // Not `relative`: the results panel spans the header (the positioned ancestor), not just the box.
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some supported browsers (and jsdom).
    <div
      id={SEARCH_IDS.area}
      role="search"
      className="w-full max-sm:order-last sm:w-auto sm:flex-1 sm:max-w-sm"
    >
      <div className="relative">
        <SearchIcon className="absolute text-ink-muted" style={ICON_PLACE} />
        <input
          id={SEARCH_IDS.box}
          type="search"
          aria-label={t.app.searchSongs}
          placeholder={t.app.searchSongs}
          value={query}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          onFocus={searchFocused}
          onChange={(event) => searchTyped(event.target.value)}
          style={INPUT_PADDING}
          className="h-9 w-full rounded-full bg-fg/5 text-sm ring-1 ring-fg/15 placeholder:text-ink-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
        />
      </div>
      {children}
    </div>
  );
}

// Inline rather than classes used nowhere else, which would each add a rule to the first screen's CSS.
const ICON_PLACE = { left: 12, top: 10, pointerEvents: "none" } as const;
const INPUT_PADDING = { paddingInline: "2.25rem 0.75rem" } as const;
