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
  keyboardShortcutsToggled,
  type LanguageChoice,
  languageChosen,
  notificationsToggled,
  type ThemeChoice,
  themeChosen,
  useKeyboardShortcutsEnabled,
  useLanguageChoice,
  useNotificationsEnabled,
  useThemeChoice,
} from "@/features/settings/settings-store";
import { useStation } from "@/features/station/station-store";
import { romajiToggled, usePreferRomaji } from "@/lib/display-preferences";
import { formatTimeOfDay } from "@/lib/format";
import { useLocale, useMessages, useT } from "@/lib/i18n";
import { type SettingsMessages, settingsMessages } from "./settings-messages";

type Choice<T extends string> = { value: T; label: (words: SettingsMessages) => string };

const STREAMS: Choice<StreamPreference>[] = [
  { value: "auto", label: (words) => words.streamAuto },
  { value: "vorbis", label: (words) => words.streamVorbis },
  { value: "opus", label: (words) => words.streamOpus },
  { value: "mp3", label: (words) => words.streamMp3 },
];

const THEMES: Choice<ThemeChoice>[] = [
  { value: "system", label: (words) => words.themeSystem },
  { value: "dark", label: (words) => words.themeDark },
  { value: "light", label: (words) => words.themeLight },
];

/** Each language named in itself, so it can be found whatever the page is showing now. */
const LANGUAGES: (Choice<LanguageChoice> & { lang?: string })[] = [
  { value: "auto", label: (words) => words.languageAuto },
  { value: "en", label: () => "English", lang: "en" },
  { value: "ja", label: () => "日本語", lang: "ja" },
  { value: "ko", label: () => "한국어", lang: "ko" },
];

const SLEEP_CHOICES: Choice<"off" | "15" | "30" | "60" | "song">[] = [
  { value: "off", label: (words) => words.sleepOff },
  { value: "15", label: (words) => words.sleepInMinutes(15) },
  { value: "30", label: (words) => words.sleepInMinutes(30) },
  { value: "60", label: (words) => words.sleepInMinutes(60) },
  { value: "song", label: (words) => words.sleepEndOfSong },
];

const FIELD =
  "w-full rounded-xl bg-fg/5 px-3 py-2 text-sm ring-1 ring-fg/15 focus-visible:outline-2 focus-visible:outline-station";

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | "";
  choices: (Choice<T> & { lang?: string })[];
  onChange(value: T): void;
  /** A disabled first option that describes the current state (the sleep timer has no "value"). */
  placeholder?: string;
}

function SelectField<T extends string>({
  label,
  value,
  choices,
  onChange,
  placeholder,
}: SelectFieldProps<T>) {
  const id = useId();
  const words = useMessages(settingsMessages);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as T)} className={FIELD}>
        {placeholder !== undefined && (
          <option value="" disabled className="bg-ink">
            {placeholder}
          </option>
        )}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang} className="bg-ink">
            {choice.label(words)}
          </option>
        ))}
      </select>
    </div>
  );
}

function CheckboxField({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  /** A line under the label, read as the checkbox's description. */
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={hint ? hintId : undefined}
        className="mt-0.5 h-4 w-4 shrink-0 accent-(--station)"
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-xs text-ink-muted">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const stream = useStreamPreference();
  const sleepAt = useSleepAt();
  const notifications = useNotificationsEnabled();
  const romaji = usePreferRomaji();
  const theme = useThemeChoice();
  const language = useLanguageChoice();
  const shortcuts = useKeyboardShortcutsEnabled();
  const track = useCurrentTrack(useStation());
  const t = useT();
  const words = useMessages(settingsMessages);
  const locale = useLocale();
  const [notice, setNotice] = useState<string | null>(null);

  function onSleepChange(choice: string) {
    if (choice === "off") sleepTimerChanged(null);
    else if (choice === "song") {
      const end = track && track.song.duration > 0 ? track.startedAt + track.song.duration * 1000 : null;
      if (end === null) setNotice(words.songLengthUnknown);
      else sleepTimerChanged(end);
    } else sleepTimerChanged(Date.now() + Number(choice) * 60_000);
  }

  async function onNotificationsChange(enabled: boolean) {
    setNotice(null);
    if (!enabled) return notificationsToggled(false);
    if (typeof Notification === "undefined") return setNotice(words.notificationsUnsupported);
    const permission =
      Notification.permission === "default"
        ? await Notification.requestPermission()
        : Notification.permission;
    if (permission !== "granted") return setNotice(words.notificationsBlocked);
    notificationsToggled(true);
  }

  return (
    <Dialog title={t.app.settings} onClose={onClose}>
      <div className="flex flex-col gap-5">
        <SelectField label={words.theme} value={theme} choices={THEMES} onChange={themeChosen} />
        <SelectField label={words.language} value={language} choices={LANGUAGES} onChange={languageChosen} />
        <CheckboxField label={words.preferRomaji} checked={romaji} onChange={romajiToggled} />
        <SelectField
          label={words.streamQuality}
          value={stream}
          choices={STREAMS}
          onChange={streamPreferenceChanged}
        />
        <SelectField
          label={words.sleepTimer}
          value=""
          choices={SLEEP_CHOICES}
          onChange={onSleepChange}
          placeholder={sleepAt ? words.sleepStopsAt(formatTimeOfDay(sleepAt, locale)) : words.sleepNotSet}
        />
        <CheckboxField
          label={t.app.keyboardShortcuts}
          hint={words.keyboardShortcutsHint}
          checked={shortcuts}
          onChange={keyboardShortcutsToggled}
        />
        <CheckboxField
          label={words.notify}
          checked={notifications}
          onChange={(enabled) => void onNotificationsChange(enabled)}
        />
        {notice && (
          <p role="alert" className="text-sm text-warning">
            {notice}
          </p>
        )}
      </div>
    </Dialog>
  );
}
