import { useState } from "react";
import { createPortal } from "react-dom";
import { LIVE_LAYER } from "@/components/ui/dialog";
import { CloseIcon } from "@/components/ui/icons-on-demand";
import { useSongDisplay } from "@/lib/display-preferences";
import { errorMessages } from "@/lib/error-messages";
import { formatNumber } from "@/lib/format";
import { errorMessage } from "@/lib/graphql-client";
import { useLocale, useMessages } from "@/lib/i18n";
import { songTitle } from "@/lib/song";
import { type RequestOutcome as Outcome, useLatestRequestOutcome } from "../hooks/use-requests";
import { type RequestsMessages, requestsMessages } from "../messages";
import { requestProblem } from "../model/request-problem";

function useSuccessText(outcome: Outcome): string {
  const t = useMessages(requestsMessages);
  const display = useSongDisplay();
  const locale = useLocale();
  const title =
    outcome.variables.title ?? (outcome.result ? songTitle(outcome.result.song, display) : t.aRandomFavorite);
  const place = outcome.result?.place ?? null;
  const songs = (count: number) => t.songs(count, formatNumber(count, locale));
  if (!place) return t.placedUnknown(title);
  if (place.amount > 1) return t.placedAmong(title, formatNumber(place.amount, locale), songs(place.before));
  return place.before === 0 ? t.placedNext(title) : t.placedAfter(title, place.before, songs(place.before));
}

function SuccessText({ outcome }: { outcome: Outcome }) {
  return <>{useSuccessText(outcome)}</>;
}

function failureText(outcome: Outcome, t: RequestsMessages, reason: string): string {
  const { title } = outcome.variables;
  return `${title === undefined ? t.failedRandom : t.failed(title)} ${reason}`;
}

const DISMISS_CLASS =
  "grid h-7 w-7 shrink-0 place-items-center rounded-full hover:bg-fg/10 focus-visible:outline-2 focus-visible:outline-fg";

/**
 * The one place that tells how the latest request went: a status ("Requested … — 3 songs play before
 * it") or an alert (limit reached, already queued, log in, network, server). The app renders it once,
 * outside any list, and it reads the mutation cache: a message survives the row that asked.
 */
export function RequestOutcome({ onLogIn }: { onLogIn?: () => void }) {
  const outcome = useLatestRequestOutcome();
  const t = useMessages(requestsMessages);
  const errorWords = useMessages(errorMessages);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const shown = outcome && outcome.id !== dismissed ? outcome : null;
  const problem = shown?.status === "error" ? requestProblem(shown.error) : null;
  const reason =
    problem?.kind === "limit"
      ? t.limit
      : problem?.kind === "queued"
        ? t.queued
        : problem?.kind === "login"
          ? t.logInToRequest
          : shown
            ? errorMessage(shown.error, errorWords)
            : "";
  const dismiss = shown && (
    <button type="button" onClick={() => setDismissed(shown.id)} className={DISMISS_CLASS}>
      <CloseIcon />
      <span className="sr-only">{t.dismiss}</span>
    </button>
  );
  const box = "flex items-center gap-2 rounded-2xl bg-ink-raised px-4 py-2 text-sm shadow-xl ring-1";
  // The status region stays in the page, empty when there is nothing to tell, so screen readers
  // announce a message the moment it appears; an alert is announced when it is inserted.
  // On the body, above any dialog and left out of its inert background: a request made from a
  // dialog (song details) is told while the dialog is still open.
  return createPortal(
    <div
      {...{ [LIVE_LAYER]: "" }}
      className="pointer-events-none fixed inset-x-0 bottom-24 z-[60] flex flex-col items-center gap-2 px-4"
    >
      <div
        className={shown?.status === "success" ? `${box} pointer-events-auto text-fg ring-station/40` : ""}
      >
        <p role="status">{shown?.status === "success" && <SuccessText outcome={shown} />}</p>
        {shown?.status === "success" && dismiss}
      </div>
      {shown?.status === "error" && (
        <div className={`${box} pointer-events-auto text-danger ring-rose-400/30`}>
          <p role="alert" className="flex flex-wrap items-center gap-2">
            <span>{failureText(shown, t, reason)}</span>
            {problem?.kind === "login" && onLogIn && (
              <button
                type="button"
                onClick={onLogIn}
                className="rounded-full bg-fg/10 px-3 py-1 font-semibold text-fg ring-1 ring-fg/15 hover:bg-fg/15 focus-visible:outline-2 focus-visible:outline-fg"
              >
                {t.logIn}
              </button>
            )}
          </p>
          {dismiss}
        </div>
      )}
    </div>,
    document.body,
  );
}
