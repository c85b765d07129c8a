import { Dialog } from "@/components/ui/dialog";
import { useT } from "@/lib/i18n";
import { shortcutList } from "./use-keyboard-shortcuts";

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Dialog title={t.app.keyboardShortcuts} onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 text-sm">
        {shortcutList(t).map((shortcut) => (
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
      <p className="mt-5 text-xs text-ink-muted">{t.shortcuts.pausedWhileTyping}</p>
    </Dialog>
  );
}
