/**
 * What the search box does beyond typing, loaded with the results rather than on the first screen:
 * Escape clears the text, then puts the panel away; a click or focus in the page below puts it away
 * too, and using the box brings it back. The header's own controls keep it, so switching the station
 * tab shows that station's results.
 */
import { useEffect } from "react";
import { SEARCH_IDS } from "../components/search-box";
import { panelDismissed, panelResumed } from "../panel-store";
import { getSearchQuery, searchTyped } from "../search-store";

const inSearch = (target: EventTarget | null) =>
  target instanceof Node && document.getElementById(SEARCH_IDS.area)?.contains(target) === true;

/** Whether `target` is part of the search or of the header around it. */
function keepsSearchOpen(target: EventTarget | null): boolean {
  const area = document.getElementById(SEARCH_IDS.area);
  if (!area || !(target instanceof Node)) return true;
  return (area.closest("header") ?? area).contains(target);
}

export function useSearchKeys() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape" || !inSearch(event.target)) return;
      event.preventDefault();
      if (getSearchQuery() === "") panelDismissed();
      else searchTyped("");
      document.getElementById(SEARCH_IDS.box)?.focus();
    }
    function onUse(event: Event) {
      if (event.target instanceof Element && event.target.id === SEARCH_IDS.box) panelResumed();
      else if (!keepsSearchOpen(event.target)) panelDismissed();
    }
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onUse);
    document.addEventListener("focusin", onUse);
    document.addEventListener("input", onUse);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onUse);
      document.removeEventListener("focusin", onUse);
      document.removeEventListener("input", onUse);
    };
  }, []);
}
