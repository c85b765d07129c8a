/** Composition: the tab title names the current station's song, in the page's language and romaji choice. */
import { getNowPlaying, subscribeToTrack } from "@/features/now-playing/now-playing-store";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { getSongDisplay, subscribeToDisplay } from "@/lib/display-preferences";
import { getT, subscribeToLanguage } from "@/lib/i18n";
import { artistLine, songTitle } from "@/lib/song";
import { stationName } from "@/lib/stations";

export function documentTitle(): string {
  const station = getStation();
  const t = getT();
  const track = getNowPlaying(station).track;
  const stationTitle = t.app.stationTitle(stationName(station));
  if (!track) return stationTitle;
  const display = getSongDisplay();
  return t.app.documentTitle(songTitle(track.song, display), artistLine(track.song, display), stationTitle);
}

export function startDocumentTitle(document: Document): () => void {
  const update = () => {
    document.title = documentTitle();
  };
  update();
  const unsubscribers = [
    subscribeToTrack((station) => {
      if (station === getStation()) update();
    }),
    subscribeToStation(update),
    subscribeToDisplay(update),
    subscribeToLanguage(update),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
