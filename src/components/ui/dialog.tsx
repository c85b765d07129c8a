import { type ReactNode, type RefObject, useEffect, useEffectEvent, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { useT } from "@/lib/i18n";
import { CloseIcon } from "./icons-on-demand";

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Focused when the dialog opens; defaults to the first focusable control. */
  initialFocusRef?: RefObject<HTMLElement | null>;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
}

/** Marks a body child that a modal dialog leaves out of the inert background (a page-wide live region). */
export const LIVE_LAYER = "data-live-layer";

/**
 * A modal dialog: labelled by its title, focus kept inside (Tab wraps, the page behind is inert),
 * Escape or the close button closes it, and focus goes back to whatever opened it.
 */
export function Dialog({ title, onClose, children, initialFocusRef }: DialogProps) {
  const overlayRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = useEffectEvent(() => onClose());
  const titleId = useId();
  const t = useT();

  useEffect(() => {
    const overlay = overlayRef.current;
    const panel = panelRef.current;
    if (!overlay || !panel) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    // A live layer (data-live-layer: the request messages) stays readable: what a button in the
    // dialog started is told there.
    const background = Array.from(document.body.children).filter(
      (el): el is HTMLElement =>
        el instanceof HTMLElement &&
        el !== overlay &&
        !el.hasAttribute("inert") &&
        !el.hasAttribute(LIVE_LAYER),
    );
    for (const el of background) el.setAttribute("inert", "");

    (initialFocusRef?.current ?? focusables(panel)[0] ?? panel).focus();

    function onKeyDown(event: KeyboardEvent) {
      if (!panel) return;
      if (event.key === "Escape" && !event.isComposing) {
        event.preventDefault();
        close();
        return;
      }
      if (event.key !== "Tab") return;
      const items = focusables(panel);
      if (items.length === 0) {
        event.preventDefault();
        panel.focus();
        return;
      }
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }

    function onFocusIn(event: FocusEvent) {
      if (panel && event.target instanceof Node && !panel.contains(event.target)) {
        (focusables(panel)[0] ?? panel).focus();
      }
    }

    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("focusin", onFocusIn);
      for (const el of background) el.removeAttribute("inert");
      if (opener?.isConnected) opener.focus();
    };
  }, [initialFocusRef]);

  return createPortal(
    <div
      ref={overlayRef}
      className="fixed inset-0 z-50 grid place-items-center overflow-y-auto bg-black/60 p-4 backdrop-blur-sm"
    >
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className="relative w-full max-w-sm rounded-3xl bg-ink-raised p-6 shadow-2xl shadow-black/50 ring-1 ring-fg/10 outline-none"
      >
        <div className="mb-5 flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-xl font-bold tracking-tight">
            {title}
          </h2>
          <button
            type="button"
            onClick={onClose}
            className="-mt-1 -mr-2 grid h-9 w-9 shrink-0 place-items-center rounded-full text-lg text-fg/70 hover:bg-fg/10 hover:text-fg focus-visible:outline-2 focus-visible:outline-fg"
          >
            <CloseIcon />
            <span className="sr-only">{t.app.close}</span>
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
