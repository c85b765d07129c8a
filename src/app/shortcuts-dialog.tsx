import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "./use-keyboard-shortcuts";

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 text-sm">
        {SHORTCUTS.map((shortcut) => (
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
      <p className="mt-5 text-xs text-ink-muted">Shortcuts pause while you type in a field.</p>
    </Dialog>
  );
}
