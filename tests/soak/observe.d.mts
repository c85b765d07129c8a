// Types for observe.mjs, so TypeScript tests (tests/e2e) can use it.
import type { CDPSession, Page } from "playwright-core";
import type { FaultSpec, StationKey, StationState, TrackPayload } from "../station/server.mjs";

export const CLOSE_GRACE_MS: number;
export const EXPECTED_CONSOLE: RegExp;

export interface StationApi {
  url: string;
  state(): Promise<StationState>;
  next(station: StationKey): Promise<unknown>;
  fault(spec: FaultSpec): Promise<{ ok: true; [key: string]: unknown }>;
  clear(filter?: { id?: number; type?: string }): Promise<unknown>;
  config(patch: Record<string, unknown>): Promise<unknown>;
  reset(options?: { favorites?: boolean; tokens?: boolean }): Promise<unknown>;
  inject(spec: {
    station: StationKey;
    song?: Record<string, unknown>;
    requester?: Record<string, unknown> | null;
    event?: Record<string, unknown> | null;
    lastPlayed?: unknown[];
    startTime?: string | null;
  }): Promise<{ ok: true; sent: number; payload: TrackPayload }>;
  profile(spec: {
    username: string;
    displayName?: string | null;
    avatarImage?: string | null;
  }): Promise<unknown>;
}

export function stationApi(baseUrl: string): StationApi;
export function stationUp(api: StationApi, timeoutMs?: number): Promise<StationState>;
export function sleep(ms: number): Promise<void>;

export interface Screen {
  station: StationKey | null;
  title: string | null;
  connection: string;
  player: string;
  audio: { currentTime: number; paused: boolean; src: string } | null;
}

export function readScreen(page: Page): Promise<Screen>;
export function screenMatches(screen: Screen, state: StationState): boolean;
export function normalizeStatus(text: string): string;
export function maxOpenSockets(
  connections: { openedAt: string; closedAt: string | null }[],
  options?: { since?: number; now?: number; graceMs?: number },
): number;
export function distribution(values: number[]): {
  count: number;
  min: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
};
export function memory(
  cdp: CDPSession,
): Promise<{ heapBytes: number; nodes: number | null; listeners: number | null }>;
