import { useRef } from "react";
import { useT } from "@/lib/i18n";
import { STATIONS, type StationId, stationName } from "@/lib/stations";
import { stationSelected, useStation } from "../station-store";

/** Two stations as an ARIA tablist, with arrow-key roving focus. */
export function StationTabs() {
  const station = useStation();
  const t = useT();
  const refs = useRef<Partial<Record<StationId, HTMLButtonElement | null>>>({});

  function onKeyDown(event: React.KeyboardEvent) {
    const index = STATIONS.indexOf(station);
    let next: StationId | undefined;
    if (event.key === "ArrowRight") next = STATIONS[(index + 1) % STATIONS.length];
    if (event.key === "ArrowLeft") next = STATIONS[(index - 1 + STATIONS.length) % STATIONS.length];
    if (event.key === "Home") next = STATIONS[0];
    if (event.key === "End") next = STATIONS[STATIONS.length - 1];
    if (!next) return;
    event.preventDefault();
    stationSelected(next);
    refs.current[next]?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={t.app.station}
      onKeyDown={onKeyDown}
      className="inline-flex rounded-full bg-fg/5 p-1 ring-1 ring-fg/10"
    >
      {STATIONS.map((id) => {
        const selected = id === station;
        return (
          <button
            key={id}
            ref={(el) => {
              refs.current[id] = el;
            }}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls="station-panel"
            tabIndex={selected ? 0 : -1}
            onClick={() => stationSelected(id)}
            className={`rounded-full px-4 py-1.5 text-sm font-semibold transition-colors motion-reduce:transition-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg ${
              selected ? "bg-station-fill text-white" : "text-fg/70 hover:text-fg"
            }`}
          >
            {stationName(id)}
          </button>
        );
      })}
    </div>
  );
}
