import { useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useCurrentTrack } from "@/features/now-playing/now-playing-store";
import {
  type StreamPreference,
  sleepTimerChanged,
  streamPreferenceChanged,
  useSleepAt,
  useStreamPreference,
} from "@/features/player/player-store";
import {
  notificationsToggled,
  romajiToggled,
  type ThemeChoice,
  themeChosen,
  useNotificationsEnabled,
  usePreferRomaji,
  useThemeChoice,
} from "@/features/settings/settings-store";
import { useStation } from "@/features/station/station-store";
import { formatTimeOfDay } from "@/lib/format";

const STREAMS: { value: StreamPreference; label: string }[] = [
  { value: "auto", label: "Automatic" },
  { value: "vorbis", label: "Vorbis (best)" },
  { value: "opus", label: "Opus" },
  { value: "mp3", label: "MP3 (widest support)" },
];

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: "system", label: "Same as the system" },
  { value: "dark", label: "Dark" },
  { value: "light", label: "Light" },
];

const SLEEP_CHOICES = [
  { value: "off", label: "Off" },
  { value: "15", label: "In 15 minutes" },
  { value: "30", label: "In 30 minutes" },
  { value: "60", label: "In 60 minutes" },
  { value: "song", label: "At the end of this song" },
] as const;

const FIELD =
  "w-full rounded-xl bg-fg/5 px-3 py-2 text-sm ring-1 ring-fg/15 focus-visible:outline-2 focus-visible:outline-station";

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const stream = useStreamPreference();
  const sleepAt = useSleepAt();
  const notifications = useNotificationsEnabled();
  const romaji = usePreferRomaji();
  const theme = useThemeChoice();
  const track = useCurrentTrack(useStation());
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { stream: useId(), sleep: useId(), notify: useId(), romaji: useId(), theme: useId() };

  function onSleepChange(choice: string) {
    if (choice === "off") sleepTimerChanged(null);
    else if (choice === "song") {
      const end = track && track.song.duration > 0 ? track.startedAt + track.song.duration * 1000 : null;
      if (end === null) setNotice("This song's length is unknown; pick a time instead.");
      else sleepTimerChanged(end);
    } else sleepTimerChanged(Date.now() + Number(choice) * 60_000);
  }

  async function onNotificationsChange(enabled: boolean) {
    setNotice(null);
    if (!enabled) return notificationsToggled(false);
    if (typeof Notification === "undefined") return setNotice("This browser cannot show notifications.");
    const permission =
      Notification.permission === "default"
        ? await Notification.requestPermission()
        : Notification.permission;
    if (permission !== "granted")
      return setNotice("Notifications are blocked for this site in your browser settings.");
    notificationsToggled(true);
  }

  return (
    <Dialog title="Settings" onClose={onClose}>
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.theme} className="text-sm font-medium">
            Theme
          </label>
          <select
            id={ids.theme}
            value={theme}
            onChange={(e) => themeChosen(e.currentTarget.value as ThemeChoice)}
            className={FIELD}
          >
            {THEMES.map((t) => (
              <option key={t.value} value={t.value} className="bg-ink">
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3">
          <input
            id={ids.romaji}
            type="checkbox"
            checked={romaji}
            onChange={(e) => romajiToggled(e.currentTarget.checked)}
            className="h-4 w-4 accent-(--station)"
          />
          <label htmlFor={ids.romaji} className="text-sm">
            Prefer romaji for titles and names
          </label>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.stream} className="text-sm font-medium">
            Stream quality
          </label>
          <select
            id={ids.stream}
            value={stream}
            onChange={(e) => streamPreferenceChanged(e.currentTarget.value as StreamPreference)}
            className={FIELD}
          >
            {STREAMS.map((s) => (
              <option key={s.value} value={s.value} className="bg-ink">
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={ids.sleep} className="text-sm font-medium">
            Sleep timer
          </label>
          <select
            id={ids.sleep}
            value=""
            onChange={(e) => onSleepChange(e.currentTarget.value)}
            className={FIELD}
          >
            <option value="" disabled className="bg-ink">
              {sleepAt ? `Stops at ${formatTimeOfDay(sleepAt)}` : "Not set"}
            </option>
            {SLEEP_CHOICES.map((c) => (
              <option key={c.value} value={c.value} className="bg-ink">
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3">
          <input
            id={ids.notify}
            type="checkbox"
            checked={notifications}
            onChange={(e) => void onNotificationsChange(e.currentTarget.checked)}
            className="h-4 w-4 accent-(--station)"
          />
          <label htmlFor={ids.notify} className="text-sm">
            Notify me when the song changes while this tab is in the background
          </label>
        </div>
        {notice && (
          <p role="alert" className="text-sm text-warning">
            {notice}
          </p>
        )}
      </div>
    </Dialog>
  );
}
