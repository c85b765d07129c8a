/**
 * Windowing for a long list of fixed-height rows scrolled by the page itself: only the rows near the
 * viewport are in the DOM, so 5,000 favorites cost as much as 30. The range is a pure function of the
 * scroll position; the hook re-renders only when the range changes, not on every scroll event.
 */
import { type RefObject, useCallback, useLayoutEffect, useRef, useState } from "react";

export interface WindowInput {
  count: number;
  rowHeight: number;
  /** The list's top edge relative to the viewport's top (negative once scrolled past). */
  listTop: number;
  viewportHeight: number;
  /** Rows drawn beyond each edge, so a quick scroll or a Tab to the next row finds it drawn. */
  overscan: number;
}

export interface WindowRange {
  /** First row drawn (inclusive). */
  start: number;
  /** Last row drawn, exclusive. */
  end: number;
}

export function windowRange({
  count,
  rowHeight,
  listTop,
  viewportHeight,
  overscan,
}: WindowInput): WindowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const firstVisible = Math.floor(-listTop / rowHeight);
  const lastVisible = Math.ceil((viewportHeight - listTop) / rowHeight);
  const start = Math.min(count, Math.max(0, firstVisible - overscan));
  const end = Math.max(start, Math.min(count, lastVisible + overscan));
  return { start, end };
}

interface VirtualWindowOptions {
  count: number;
  rowHeight: number;
  overscan?: number;
}

export interface VirtualWindow<E extends HTMLElement> extends WindowRange {
  /** Put on the list element whose rows are windowed. */
  listRef: RefObject<E | null>;
  /** The list's full height, so the page scrolls as if every row were there. */
  totalHeight: number;
}

/** Where the list was last seen, so a change of count needs no layout read (which would force one). */
interface Seen {
  /** The list's top in document coordinates. */
  documentTop: number;
  scrollY: number;
  viewportHeight: number;
}

export function useVirtualWindow<E extends HTMLElement>({
  count,
  rowHeight,
  overscan = 4,
}: VirtualWindowOptions): VirtualWindow<E> {
  const listRef = useRef<E | null>(null);
  const seen = useRef<Seen>({
    documentTop: 0,
    scrollY: 0,
    viewportHeight: typeof window === "undefined" ? 800 : window.innerHeight,
  });
  const rangeFor = useCallback(
    ({ documentTop, scrollY, viewportHeight }: Seen) =>
      windowRange({ count, rowHeight, listTop: documentTop - scrollY, viewportHeight, overscan }),
    [count, rowHeight, overscan],
  );
  // The first render guesses the list starts at the top of the viewport: the first rows paint at once.
  const [range, setRange] = useState<WindowRange>(() => rangeFor(seen.current));

  useLayoutEffect(() => {
    const show = (next: WindowRange) =>
      setRange((shown) => (shown.start === next.start && shown.end === next.end ? shown : next));
    // Called where layout is already clean (scroll, resize, a resize observer's turn): reading is cheap.
    const look = () => {
      const list = listRef.current;
      const scrollY = window.scrollY;
      seen.current = {
        documentTop: list ? list.getBoundingClientRect().top + scrollY : 0,
        scrollY,
        viewportHeight: window.innerHeight,
      };
      show(rangeFor(seen.current));
    };
    // A new count (a keystroke in a filter) reuses what was seen; the observer corrects after layout.
    show(rangeFor(seen.current));
    window.addEventListener("scroll", look, { passive: true });
    window.addEventListener("resize", look);
    // Content above the list growing or shrinking moves it without a scroll.
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(look);
    if (listRef.current) observer?.observe(listRef.current);
    observer?.observe(document.body);
    if (!observer) look();
    return () => {
      window.removeEventListener("scroll", look);
      window.removeEventListener("resize", look);
      observer?.disconnect();
    };
  }, [rangeFor]);

  // The range was measured for the last count; until the effect measures again, never past the end.
  const end = Math.min(range.end, count);
  return { listRef, start: Math.min(range.start, end), end, totalHeight: count * rowHeight };
}
