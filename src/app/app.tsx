import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { GearIcon, KeyboardIcon } from "@/components/ui/icons";
import { useGatewayAuth } from "@/features/auth/auth-store";
import { QueueInfo } from "@/features/auth/components/queue-info";
import { ConnectionStatus } from "@/features/gateway/components/connection-status";
import { useGatewayConnection } from "@/features/gateway/use-gateway-connection";
import { HistoryList } from "@/features/now-playing/components/history-list";
import { ListenerCount } from "@/features/now-playing/components/listener-count";
import { NowPlayingCard } from "@/features/now-playing/components/now-playing-card";
import { SongAnnouncer } from "@/features/now-playing/components/song-announcer";
import { useQueue } from "@/features/now-playing/now-playing-store";
import { useDocumentTitle } from "@/features/now-playing/use-document-title";
import { audioStationChanged } from "@/features/player/audio-session";
import { PlayerControls } from "@/features/player/components/player-controls";
import { StationTabs } from "@/features/station/components/station-tabs";
import { locationChanged, useStation } from "@/features/station/station-store";
import type { StationId } from "@/lib/config";
import { useT } from "@/lib/i18n";
import { loadChunk } from "@/lib/load-chunk";
import type { Song } from "@/lib/song";
import { DeferredAccountArea, DeferredHistorySync } from "./deferred";
import { CurrentSongFavorite, FavoritesSync, renderHistoryFavorite } from "./favorites-sync";
import { gateway } from "./live-session";
import { Profiled } from "./render-profiler";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";

const SettingsDialog = lazy(() =>
  loadChunk(() => import("./settings-dialog")).then((m) => ({ default: m.SettingsDialog })),
);
const SongDetailsDialog = lazy(() =>
  loadChunk(() => import("./song-details-dialog")).then((m) => ({ default: m.SongDetailsDialog })),
);
const ShortcutsDialog = lazy(() =>
  loadChunk(() => import("./shortcuts-dialog")).then((m) => ({ default: m.ShortcutsDialog })),
);

type OpenDialog = "settings" | "shortcuts" | null;

const ICON_BUTTON =
  "grid h-9 w-9 place-items-center rounded-full text-lg text-fg/75 ring-1 ring-fg/10 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-fg";

const THEME_COLOR: Record<StationId, string> = { jpop: "#ff3d8b", kpop: "#3b82f6" };
const FAVICON: Record<StationId, string> = { jpop: "/favicon.svg", kpop: "/favicon-kpop.svg" };

function useStationEffects(station: StationId) {
  useGatewayConnection(gateway, station, useGatewayAuth());
  useEffect(() => {
    audioStationChanged(station);
    document.documentElement.dataset.station = station;
    document.querySelector('meta[name="theme-color"]')?.setAttribute("content", THEME_COLOR[station]);
    document.querySelector('link[rel="icon"]')?.setAttribute("href", FAVICON[station]);
  }, [station]);
  useEffect(() => {
    const onPopState = () => locationChanged(location.pathname);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
}

/** Its own component: the tab title follows every track, and App (header, tabs, account) must not. */
function DocumentTitle({ station }: { station: StationId }) {
  useDocumentTitle(station);
  return null;
}

function StationFigures({ station }: { station: StationId }) {
  return (
    <>
      <Profiled id="listeners">
        <ListenerCount station={station} />
      </Profiled>
      <QueueInfo queue={useQueue(station)} />
    </>
  );
}

export function App() {
  const station = useStation();
  useStationEffects(station);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [detailsSong, setDetailsSong] = useState<Song | null>(null);
  const closeDetails = useCallback(() => setDetailsSong(null), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  const openShortcuts = useCallback(() => setDialog("shortcuts"), []);
  useKeyboardShortcuts(openShortcuts);
  const t = useT();
  return (
    <div className="backdrop-glow flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-3 px-4 pt-4 sm:px-8 sm:pt-6">
        <Profiled id="header">
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-black tracking-tight">
              LISTEN<span className="text-station">.moe</span>
            </h1>
            <ConnectionStatus />
          </div>
        </Profiled>
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
            <DeferredAccountArea />
          </Profiled>
        </div>
      </header>
      <main className="flex-1">
        <div
          id="station-panel"
          role="tabpanel"
          aria-label={station === "jpop" ? "J-pop" : "K-pop"}
          className="mx-auto grid w-full max-w-6xl grid-cols-[minmax(0,1fr)] content-start items-start gap-10 px-4 pt-6 pb-36 sm:px-8 lg:grid-cols-[minmax(0,1fr)_22rem] lg:pt-14"
        >
          <Profiled id="now-playing">
            <NowPlayingCard
              station={station}
              actions={<CurrentSongFavorite station={station} />}
              listeners={<StationFigures station={station} />}
              onShowDetails={setDetailsSong}
            />
          </Profiled>
          <Profiled id="history">
            <HistoryList
              station={station}
              renderActions={renderHistoryFavorite}
              onShowDetails={setDetailsSong}
            />
          </Profiled>
          <FavoritesSync station={station} />
          <DeferredHistorySync station={station} />
          <DocumentTitle station={station} />
          <SongAnnouncer station={station} />
        </div>
      </main>
      <footer className="fixed inset-x-0 bottom-0 border-t border-fg/10 bg-ink/85 backdrop-blur-xl">
        <div className="mx-auto flex max-w-6xl items-center px-4 py-3 sm:px-8">
          <Profiled id="player">
            <PlayerControls />
          </Profiled>
        </div>
      </footer>
      <Suspense fallback={null}>
        {dialog === "settings" && <SettingsDialog onClose={closeDialog} />}
        {dialog === "shortcuts" && <ShortcutsDialog onClose={closeDialog} />}
        {detailsSong && <SongDetailsDialog song={detailsSong} onClose={closeDetails} />}
      </Suspense>
    </div>
  );
}
