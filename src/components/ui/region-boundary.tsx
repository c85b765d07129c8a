/**
 * An error boundary for one region of the page. If the region throws while rendering, only it is
 * replaced by a small "couldn't show this" note; the rest of the page keeps working. It tries again
 * whenever `resetKey` changes (the next track, the next status), so a good update brings it back.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { type Messages, useT } from "@/lib/i18n";

export type RegionName = Exclude<keyof Messages["region"], "failed" | "reload">;

interface RegionBoundaryProps {
  region: RegionName;
  /** Any value; when it changes after a failure, the region is drawn again. */
  resetKey?: unknown;
  /** Told once per failure, e.g. to forget stored data that cannot be drawn. */
  onError?(error: unknown): void;
  children: ReactNode;
}

interface RegionBoundaryState {
  failedAt: unknown;
  failed: boolean;
}

function RegionFailed({ region }: { region: RegionName }) {
  const t = useT();
  return (
    <p role="status" className="rounded-2xl bg-fg/5 px-4 py-3 text-sm text-ink-muted ring-1 ring-fg/10">
      {t.region.failed(t.region[region])}
    </p>
  );
}

export class RegionBoundary extends Component<RegionBoundaryProps, RegionBoundaryState> {
  state: RegionBoundaryState = { failed: false, failedAt: undefined };

  static getDerivedStateFromError(): Partial<RegionBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: RegionBoundaryProps,
    state: RegionBoundaryState,
  ): Partial<RegionBoundaryState> | null {
    // Remember which key failed; a different key is a fresh chance.
    if (state.failed && state.failedAt === undefined) return { failedAt: props.resetKey ?? null };
    if (state.failed && !Object.is(state.failedAt, props.resetKey ?? null))
      return { failed: false, failedAt: undefined };
    return null;
  }

  componentDidCatch(error: unknown, _info: ErrorInfo) {
    this.props.onError?.(error);
  }

  render() {
    return this.state.failed ? <RegionFailed region={this.props.region} /> : this.props.children;
  }
}
