import { HeadphonesIcon } from "@/components/ui/icons";
import { formatNumber } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import type { StationId } from "@/lib/stations";
import { useListenerCount } from "../now-playing-store";

export function ListenerCount({ station }: { station: StationId }) {
  const listeners = useListenerCount(station);
  const t = useT();
  const locale = useLocale();
  if (listeners === null) return null;
  return (
    <p className="inline-flex items-center gap-1.5 rounded-full bg-fg/5 px-3 py-1 text-sm text-ink-muted ring-1 ring-fg/10">
      <HeadphonesIcon className="text-station" />
      <span>{t.nowPlaying.listeners(listeners, formatNumber(listeners, locale))}</span>
    </p>
  );
}
