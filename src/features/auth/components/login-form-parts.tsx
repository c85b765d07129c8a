/** Pieces shared by the login's two steps. */
import type { ReactNode } from "react";
import { SpinnerIcon } from "@/components/ui/icons-on-demand";
import { type LoginProblem, loginProblemText } from "../hooks/use-login-flow";
import { useLoginWords } from "../hooks/use-login-words";

export const INPUT =
  "w-full rounded-xl bg-ink px-3 py-2.5 text-fg ring-1 ring-fg/15 outline-none placeholder:text-fg/30 focus:ring-2 focus:ring-station disabled:opacity-60";
export const LABEL = "mb-1.5 block text-sm font-medium text-fg/85";

export function ProblemMessage({ problem }: { problem: LoginProblem | null }) {
  const words = useLoginWords();
  if (!problem) return null;
  // An alert is announced as it appears; the text stays until the next attempt.
  return (
    <p
      role="alert"
      className="rounded-2xl bg-rose-500/15 px-3 py-2.5 text-sm text-danger ring-1 ring-rose-400/30"
    >
      {loginProblemText(problem, words)}
    </p>
  );
}

export function SubmitButton({
  pending,
  busyLabel,
  children,
}: {
  pending: boolean;
  busyLabel: string;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="mt-1 inline-flex items-center justify-center gap-2 rounded-full bg-station-fill px-5 py-2.5 font-semibold text-white shadow-lg shadow-station/25 transition-transform motion-reduce:transition-none hover:scale-[1.02] active:scale-95 disabled:cursor-progress disabled:opacity-75 disabled:hover:scale-100 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-white"
    >
      {pending && <SpinnerIcon />}
      {pending ? busyLabel : children}
    </button>
  );
}
