import { lazy, Suspense, useCallback, useState } from "react";
import { GearIcon, KeyboardIcon } from "@/components/ui/icons";
import { RegionBoundary } from "@/components/ui/region-boundary";
import { loginPrompted } from "@/features/auth/auth-store";
import { ConnectionStatus } from "@/features/gateway/components/connection-status";
import { HistoryList } from "@/features/now-playing/components/history-list";
import { ListenerCount } from "@/features/now-playing/components/listener-count";
import { NowPlayingCard } from "@/features/now-playing/components/now-playing-card";
import { SongAnnouncer } from "@/features/now-playing/components/song-announcer";
import { PlayerControls } from "@/features/player/components/player-controls";
import { SearchBox } from "@/features/search/components/search-box";
import { useSearchEngaged } from "@/features/search/search-store";
import { StationTabs } from "@/features/station/components/station-tabs";
import { useStation, useStationView } from "@/features/station/station-store";
import { useT } from "@/lib/i18n";
import { loadChunk } from "@/lib/load-chunk";
import type { Song } from "@/lib/song";
import { type StationId, stationName } from "@/lib/stations";
import { DeferredAccountArea } from "./deferred";
import { CurrentSongFavorite, renderHistoryFavorite } from "./favorite-slots";
import { AccountRegion, HistoryRegion, NowPlayingRegion, PlayerRegion } from "./regions";
import { Profiled } from "./render-profiler";
import { DeferredRequestOutcome, StationQueue } from "./requests-on-page";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";

const SettingsDialog = lazy(() =>
  loadChunk(() => import("./settings-dialog")).then((m) => ({ default: m.SettingsDialog })),
);
const SongDetailsDialog = lazy(() =>
  loadChunk(() => import("./song-details-dialog")).then((m) => ({ default: m.SongDetailsDialog })),
);
const FavoritesPage = lazy(() =>
  loadChunk(() => import("./favorites-page")).then((m) => ({ default: m.FavoritesPage })),
);
const ShortcutsDialog = lazy(() =>
  loadChunk(() => import("./shortcuts-dialog")).then((m) => ({ default: m.ShortcutsDialog })),
);

const SearchIsland = lazy(() =>
  loadChunk(() => import("./search-island")).then((m) => ({ default: m.SearchIsland })),
);

/** The results' code loads once the box is first focused or typed in, never with the first screen. */
function SearchResultsSlot({ station }: { station: StationId }) {
  if (!useSearchEngaged()) return null;
  return (
    <Suspense fallback={null}>
      <SearchIsland station={station} />
    </Suspense>
  );
}

type OpenDialog = "settings" | "shortcuts" | null;

const ICON_BUTTON =
  "grid h-9 w-9 place-items-center rounded-full text-lg text-fg/75 ring-1 ring-fg/10 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg";

function StationFigures({ station }: { station: StationId }) {
  return (
    <>
      <Profiled id="listeners">
        <ListenerCount station={station} />
      </Profiled>
      <StationQueue station={station} />
    </>
  );
}

export function App() {
  const station = useStation();
  const view = useStationView();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [detailsSong, setDetailsSong] = useState<Song | null>(null);
  const closeDetails = useCallback(() => setDetailsSong(null), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  const openShortcuts = useCallback(() => setDialog("shortcuts"), []);
  useKeyboardShortcuts(openShortcuts);
  const t = useT();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="relative mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-3 px-4 pt-4 sm:px-8 sm:pt-6">
        <Profiled id="header">
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-black tracking-tight">
              LISTEN<span className="text-station">.moe</span>
            </h1>
            <ConnectionStatus />
          </div>
        </Profiled>
        <SearchBox>
          <SearchResultsSlot station={station} />
        </SearchBox>
        <div className="flex flex-wrap items-center gap-2 sm:gap-3">
          <Profiled id="tabs">
            <StationTabs />
          </Profiled>
          <button type="button" onClick={() => setDialog("settings")} className={ICON_BUTTON}>
            <GearIcon />
            <span className="sr-only">{t.app.settings}</span>
          </button>
          <button type="button" onClick={openShortcuts} className={`${ICON_BUTTON} max-sm:hidden`}>
            <KeyboardIcon />
            <span className="sr-only">{t.app.keyboardShortcuts}</span>
          </button>
          <Profiled id="account">
            <AccountRegion>
              <DeferredAccountArea />
            </AccountRegion>
          </Profiled>
        </div>
      </header>
      <main className="flex-1">
        {view === "favorites" ? (
          <div
            id="station-panel"
            role="tabpanel"
            aria-label={stationName(station)}
            className="mx-auto w-full max-w-3xl px-4 pt-6 pb-36 sm:px-8 lg:pt-10"
          >
            <RegionBoundary region="favorites" resetKey={station}>
              <Suspense fallback={null}>
                <FavoritesPage station={station} onShowDetails={setDetailsSong} />
              </Suspense>
            </RegionBoundary>
          </div>
        ) : (
          <div
            id="station-panel"
            role="tabpanel"
            aria-label={stationName(station)}
            className="mx-auto grid w-full max-w-6xl grid-cols-[minmax(0,1fr)] content-start items-start gap-10 px-4 pt-6 pb-36 sm:px-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:pt-14"
          >
            <Profiled id="now-playing">
              <NowPlayingRegion station={station}>
                <NowPlayingCard
                  station={station}
                  actions={<CurrentSongFavorite station={station} />}
                  listeners={<StationFigures station={station} />}
                  onShowDetails={setDetailsSong}
                />
                <SongAnnouncer station={station} />
              </NowPlayingRegion>
            </Profiled>
            <Profiled id="history">
              <HistoryRegion station={station}>
                <HistoryList
                  station={station}
                  renderActions={renderHistoryFavorite}
                  onShowDetails={setDetailsSong}
                />
              </HistoryRegion>
            </Profiled>
          </div>
        )}
      </main>
      <footer className="fixed inset-x-0 bottom-0 border-t border-fg/10 bg-ink/85 backdrop-blur-xl">
        <div className="mx-auto flex max-w-6xl items-center px-4 py-3 sm:px-8">
          <Profiled id="player">
            <PlayerRegion>
              <PlayerControls />
            </PlayerRegion>
          </Profiled>
        </div>
      </footer>
      <DeferredRequestOutcome onLogIn={loginPrompted} />
      <RegionBoundary region="dialog" resetKey={dialog ?? detailsSong}>
        <Suspense fallback={null}>
          {dialog === "settings" && <SettingsDialog onClose={closeDialog} />}
          {dialog === "shortcuts" && <ShortcutsDialog onClose={closeDialog} />}
          {detailsSong && <SongDetailsDialog song={detailsSong} station={station} onClose={closeDetails} />}
        </Suspense>
      </RegionBoundary>
    </div>
  );
}
