import { HeadphonesIcon } from "@/components/ui/icons";
import type { StationId } from "@/lib/config";
import { formatListeners } from "@/lib/format";
import { useListenerCount } from "../now-playing-store";

export function ListenerCount({ station }: { station: StationId }) {
  const listeners = useListenerCount(station);
  if (listeners === null) return null;
  return (
    <p className="inline-flex items-center gap-1.5 rounded-full bg-fg/5 px-3 py-1 text-sm text-ink-muted ring-1 ring-fg/10">
      <HeadphonesIcon className="text-station" />
      <span>{formatListeners(listeners)}</span>
    </p>
  );
}
