/**
 * The header's search box: on the first screen, so it stays small. It only keeps the text; the
 * results (passed in by the app as `children`) arrive in their own chunk once the box is used.
 */
import { type ReactNode, useEffect, useRef } from "react";
import { SearchIcon } from "@/components/ui/icons";
import { useT } from "@/lib/i18n";
import {
  searchClosed,
  searchDismissed,
  searchEscaped,
  searchFocused,
  searchFocusRequested,
  searchTyped,
  useSearchFocusRequests,
  useSearchOpen,
  useSearchQuery,
  useSearchRevealed,
} from "../search-store";

const SEARCH_AREA_ID = "song-search";

/** Whether using `target` keeps the results up: anything in the search or in the header around it. */
function staysOpenFor(area: HTMLElement | null, target: EventTarget | null): boolean {
  if (!area || !(target instanceof Node)) return true;
  return (area.closest("header") ?? area).contains(target);
}

interface SearchBoxProps {
  /** The results panel (composed by the app); it shows itself while there is something to search for. */
  children?: ReactNode;
}

export function SearchBox({ children }: SearchBoxProps) {
  const t = useT();
  const query = useSearchQuery();
  const open = useSearchOpen();
  const revealed = useSearchRevealed();
  const focusRequests = useSearchFocusRequests();
  const area = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequests > 0) input.current?.focus();
  }, [focusRequests]);

  // A click in the page below puts the panel away; the text stays for the next visit. The header's
  // own controls keep it: switching the station tab shows that station's results.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!staysOpenFor(area.current, event.target)) searchDismissed();
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "Escape") return;
    event.preventDefault();
    searchEscaped();
    input.current?.focus();
  }

  // Tabbing on into the page leaves the search: the panel goes with it.
  function onBlur(event: React.FocusEvent) {
    if (event.relatedTarget !== null && !staysOpenFor(area.current, event.relatedTarget)) searchDismissed();
  }

  return (
    // Not `relative`: the panel spans the header (the positioned ancestor), not just the box.
    // Escape anywhere in the search (box or results) clears it, hence the handler on the landmark.
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some supported browsers (and jsdom).
    <div
      ref={area}
      id={SEARCH_AREA_ID}
      role="search"
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      className={`${revealed ? "" : "max-sm:hidden"} max-sm:order-last max-sm:basis-full sm:max-w-sm sm:flex-1`}
    >
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-ink-muted" />
        <input
          ref={input}
          type="search"
          aria-label={t.app.searchSongs}
          placeholder={t.app.searchSongs}
          value={query}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          onFocus={searchFocused}
          onChange={(event) => searchTyped(event.target.value)}
          className="h-9 w-full rounded-full bg-fg/5 pr-3 pl-9 text-sm ring-1 ring-fg/15 placeholder:text-ink-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg"
        />
      </div>
      {children}
    </div>
  );
}

/** On phones the box hides behind this button, which shows it and puts the cursor in it. */
export function SearchToggle({ className = "" }: { className?: string }) {
  const t = useT();
  const revealed = useSearchRevealed();
  const button = useRef<HTMLButtonElement>(null);
  const wasRevealed = useRef(revealed);

  // When Escape hides the box again, the cursor comes back here rather than to the page's start.
  // (Where this button is hidden, wider screens, focus() does nothing and the box keeps it.)
  useEffect(() => {
    const active = document.activeElement;
    const lost = active === document.body || document.getElementById(SEARCH_AREA_ID)?.contains(active);
    if (wasRevealed.current && !revealed && lost) button.current?.focus();
    wasRevealed.current = revealed;
  }, [revealed]);

  return (
    <button
      ref={button}
      type="button"
      aria-expanded={revealed}
      aria-controls={SEARCH_AREA_ID}
      onClick={revealed ? searchClosed : searchFocusRequested}
      className={`sm:hidden ${className}`}
    >
      <SearchIcon />
      <span className="sr-only">{t.app.search}</span>
    </button>
  );
}
