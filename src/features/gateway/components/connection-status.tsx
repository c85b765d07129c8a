import { type Messages, useT } from "@/lib/i18n";
import { useNow } from "@/lib/use-now";
import { useConnectionStatus } from "../connection-store";
import type { ConnectionStatus as Status } from "../gateway-client";
import { UNREACHABLE_AFTER_ATTEMPTS } from "../protocol";

function useSecondsUntil(deadline: number | null): number {
  const now = useNow(500, deadline !== null);
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

function describe(
  status: Status,
  seconds: number,
  { connection: t }: Messages,
): { text: string; tone: "live" | "busy" | "down" } {
  switch (status.kind) {
    case "live":
      return { text: t.live, tone: "live" };
    case "reconnecting":
      if (status.attempt >= UNREACHABLE_AFTER_ATTEMPTS)
        return { text: seconds > 0 ? t.unreachableRetryIn(seconds) : t.unreachable, tone: "down" };
      return { text: seconds > 0 ? t.reconnectingIn(seconds) : t.reconnecting, tone: "busy" };
    case "offline":
      return { text: t.offline, tone: "down" };
    default:
      return { text: t.connecting, tone: "busy" };
  }
}

const DOT: Record<"live" | "busy" | "down", string> = {
  live: "bg-emerald-400 shadow-[0_0_0_3px_rgb(52_211_153/0.25)]",
  busy: "bg-amber-400 animate-pulse motion-reduce:animate-none",
  down: "bg-rose-500",
};

/** The gateway's true state, announced politely to screen readers. */
export function ConnectionStatus() {
  const status = useConnectionStatus();
  const seconds = useSecondsUntil(status.kind === "reconnecting" ? status.retryAt : null);
  const t = useT();
  const { text, tone } = describe(status, seconds, t);
  return (
    <p
      role="status"
      aria-label={t.connection.connection}
      className="inline-flex items-center gap-2 rounded-full bg-fg/5 px-3 py-1 text-xs font-medium text-fg/80 ring-1 ring-fg/10"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOT[tone]}`} />
      <span>{text}</span>
    </p>
  );
}
