/**
 * Benchmark instrumentation. In a build made with VITE_PROFILE=1 and the profiling renderer
 * (`npm run bench` makes one), each region is wrapped in a <Profiler> that logs every commit to
 * `window.__benchCommits`. In every other build the flag is a compile-time constant, so `Profiled`
 * is a bare pass-through and the Profiler code is dropped.
 */
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from "react";

export interface CommitRecord {
  id: string;
  phase: "mount" | "update" | "nested-update";
  actualDuration: number;
  /** Shared by every Profiler that took part in the same commit. */
  commitTime: number;
}

declare global {
  interface Window {
    __benchCommits?: CommitRecord[];
  }
}

const record: ProfilerOnRenderCallback = (
  id,
  phase,
  actualDuration,
  _baseDuration,
  _startTime,
  commitTime,
) => {
  window.__benchCommits ??= [];
  window.__benchCommits.push({ id, phase, actualDuration, commitTime });
};

export function Profiled({ id, children }: { id: string; children: ReactNode }) {
  if (import.meta.env.VITE_PROFILE !== "1") return children;
  return (
    <Profiler id={id} onRender={record}>
      {children}
    </Profiler>
  );
}
