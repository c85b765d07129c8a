import type { MouseEvent, ReactNode } from "react";
import type { StationView } from "@/lib/stations";
import { stationPath } from "@/lib/stations";
import { useStation, useStationView, viewSelected } from "../station-store";

interface ViewLinkProps {
  view: StationView;
  children: ReactNode;
  className?: string;
}

/** A plain click on a real link changes the view without a page load; a new tab, a copy or a reload still work. */
const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** A link to one of the current station's views; `aria-current="page"` while that view is shown. */
export function ViewLink({ view, children, className }: ViewLinkProps) {
  const station = useStation();
  const current = useStationView() === view;
  return (
    <a
      href={stationPath(station, view)}
      aria-current={current ? "page" : undefined}
      className={className}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        viewSelected(view);
        window.scrollTo({ top: 0 });
      }}
    >
      {children}
    </a>
  );
}
