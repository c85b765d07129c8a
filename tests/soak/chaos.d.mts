// Types for chaos.mjs, so the e2e soak test (TypeScript) shares the CLI's engine.
import type { Browser } from "playwright-core";

export const SOAK_LIMITS: {
  recoveryBoundMs: number;
  maxSockets: number;
  heapGrowthBytes: number;
  nodeGrowth: number;
};
export const SOAK_DEFAULTS: {
  durationMs: number;
  gapMs: [number, number];
  speed: number;
  heartbeatMs: number;
};

interface Distribution {
  count: number;
  min: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

interface Mismatch {
  at: number;
  after: string;
  faultMs: number;
  durationMs: number;
  open?: boolean;
}

interface Memory {
  heapBytes: number;
  nodes: number | null;
  listeners: number | null;
}

export interface SoakReport {
  seed: number;
  durationMs: number;
  samples: number;
  actions: Record<string, number>;
  faultsInjected: number;
  recoveries: Distribution & {
    byAction: Record<string, Distribution>;
    unrecovered: { action: string; note: string; at: number }[];
  };
  mismatches: Distribution & { totalMs: number; longest: Mismatch[]; episodes: Mismatch[] };
  pageErrors: string[];
  sockets: { maxSampled: number; maxOpen: number; opened: number; final: number | null };
  memory: {
    start: Memory | null;
    end: Memory | null;
    heapGrowthBytes: number | null;
    nodeGrowth: number | null;
    listenerGrowth: number | null;
  };
  audio: { playingOverSilenceMaxMs: number };
  accounts: { logins: number; logouts: number; failedLogins: string[] };
}

export function random(seed: number): {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
};

export function runSoak(options: {
  browser: Browser;
  appUrl: string;
  stationUrl: string;
  durationMs?: number;
  seed?: number;
  log?: (line: string) => void;
  gapMs?: [number, number];
  speed?: number;
  heartbeatMs?: number;
  recoveryBoundMs?: number;
}): Promise<SoakReport>;

export function verdict(report: SoakReport, limits?: typeof SOAK_LIMITS): string[];
export function summary(report: SoakReport): string;
