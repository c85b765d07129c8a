import { Dialog } from "@/components/ui/dialog";
import { useKeyboardShortcutsEnabled } from "@/features/settings/settings-store";
import { type Messages, useMessages, useT } from "@/lib/i18n";
import { type ShortcutsMessages, shortcutsMessages } from "./shortcuts-messages";

/** The keys that page-shortcuts.ts answers, as this dialog lists them. */
function shortcutList(
  s: ShortcutsMessages,
  app: Messages["app"],
): readonly { keys: string; action: string }[] {
  return [
    { keys: "K", action: s.playOrStop },
    { keys: "M", action: s.muteOrUnmute },
    { keys: "+ / -", action: s.volumeUpOrDown },
    { keys: "1 / 2", action: s.station },
    { keys: "/", action: app.searchSongs },
    { keys: "?", action: s.showShortcuts },
  ];
}

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const words = useMessages(shortcutsMessages);
  const enabled = useKeyboardShortcutsEnabled();
  return (
    <Dialog title={t.app.keyboardShortcuts} onClose={onClose}>
      {!enabled && <p className="mb-4 text-sm font-medium">{words.turnedOff}</p>}
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 text-sm">
        {shortcutList(words, t.app).map((shortcut) => (
          <div key={shortcut.keys} className="contents">
            <dt>
              <kbd className="rounded-lg bg-fg/10 px-2 py-1 font-mono text-xs text-fg ring-1 ring-fg/15">
                {shortcut.keys}
              </kbd>
            </dt>
            <dd className="text-fg/80">{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-5 text-xs text-ink-muted">{words.whenTheyRest}</p>
      {enabled && <p className="mt-2 text-xs text-ink-muted">{words.turnOffInSettings}</p>}
    </Dialog>
  );
}
