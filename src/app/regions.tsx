/**
 * Composition: each region of the page behind its own error boundary, tried again on the next update
 * of what it shows. A song that cannot be drawn also leaves the offline snapshot, so a reload cannot
 * bring the failure back.
 */
import type { ReactNode } from "react";
import { RegionBoundary } from "@/components/ui/region-boundary";
import { useAuthSession } from "@/features/auth/auth-store";
import {
  historyUnshowable,
  songUnshowable,
  useCurrentTrack,
  useHistory,
} from "@/features/now-playing/now-playing-store";
import { usePlaybackStatus } from "@/features/player/player-store";
import type { StationId } from "@/lib/stations";
import { forgetSnapshot } from "./offline-snapshot";

type Children = { children: ReactNode };

export function NowPlayingRegion({ station, children }: Children & { station: StationId }) {
  const dropSong = () => {
    forgetSnapshot();
    songUnshowable(station);
  };
  return (
    <RegionBoundary region="nowPlaying" resetKey={useCurrentTrack(station)} onError={dropSong}>
      {children}
    </RegionBoundary>
  );
}

export function HistoryRegion({ station, children }: Children & { station: StationId }) {
  const dropHistory = () => {
    forgetSnapshot();
    historyUnshowable(station);
  };
  return (
    <RegionBoundary region="history" resetKey={useHistory(station)} onError={dropHistory}>
      {children}
    </RegionBoundary>
  );
}

export function AccountRegion({ children }: Children) {
  return (
    <RegionBoundary region="account" resetKey={useAuthSession()}>
      {children}
    </RegionBoundary>
  );
}

export function PlayerRegion({ children }: Children) {
  return (
    <RegionBoundary region="player" resetKey={usePlaybackStatus()}>
      {children}
    </RegionBoundary>
  );
}
