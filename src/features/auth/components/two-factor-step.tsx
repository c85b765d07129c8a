import { type FormEvent, type RefObject, useId } from "react";
import { formatClock } from "@/lib/format";
import { useNow } from "@/lib/use-now";
import { normalizeOtp, OTP_LENGTH } from "../api/login";
import { type LoginFlow, offersStartOver } from "../hooks/use-login-flow";
import { useLoginWords } from "../hooks/use-login-words";
import { INPUT, LABEL, ProblemMessage, SubmitButton } from "./login-form-parts";

interface TwoFactorStepProps {
  flow: LoginFlow;
  expiresAt: number;
  codeRef: RefObject<HTMLInputElement | null>;
}

export function TwoFactorStep({ flow, expiresAt, codeRef }: TwoFactorStepProps) {
  const words = useLoginWords();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    flow.submitCode();
  };
  return (
    <form noValidate onSubmit={submit} aria-busy={flow.checkingCode} className="flex flex-col gap-4">
      <ProblemMessage problem={flow.problem} />
      {offersStartOver(flow.problem) && (
        <button
          type="button"
          onClick={() => flow.startOver()}
          className="self-start rounded-md border border-fg/30 px-3 py-1.5 text-sm font-medium hover:bg-fg/10 focus-visible:outline-2 focus-visible:outline-fg"
        >
          {words.login.startOver}
        </button>
      )}
      <OtpField
        inputRef={codeRef}
        value={flow.code}
        onChange={flow.setCode}
        expiresAt={expiresAt}
        readOnly={flow.checkingCode}
      />
      <SubmitButton pending={flow.checkingCode} busyLabel={words.login.checkingCode}>
        {words.login.verify}
      </SubmitButton>
      <button
        type="button"
        onClick={() => flow.startOver()}
        className="text-sm text-fg/70 underline-offset-4 hover:text-fg hover:underline focus-visible:outline-2 focus-visible:outline-fg"
      >
        {words.login.backToPassword}
      </button>
    </form>
  );
}

interface OtpFieldProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange(value: string): void;
  expiresAt: number;
  readOnly: boolean;
}

function OtpField({ inputRef, value, onChange, expiresAt, readOnly }: OtpFieldProps) {
  const hintId = useId();
  const seconds = useSecondsLeft(expiresAt);
  const words = useLoginWords();
  return (
    <div>
      <label htmlFor="login-otp" className={LABEL}>
        {words.login.twoFactorCode}
      </label>
      <input
        ref={inputRef}
        id="login-otp"
        name="otp"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern={`\\d{${OTP_LENGTH}}`}
        required
        aria-describedby={hintId}
        value={value}
        // Read-only rather than disabled while checking: a disabled field would drop the focus.
        readOnly={readOnly}
        // No maxLength: it would cut a pasted "123 456" before the spaces are stripped.
        onChange={(event) => onChange(normalizeOtp(event.currentTarget.value))}
        onPaste={(event) => {
          // A pasted whole code replaces what was there instead of being appended to it.
          const digits = normalizeOtp(event.clipboardData.getData("text"));
          if (digits.length === OTP_LENGTH) {
            event.preventDefault();
            onChange(digits);
          }
        }}
        placeholder="123456"
        className={`${INPUT} text-center font-mono text-2xl tracking-[0.4em]`}
      />
      <p id={hintId} className="mt-1.5 text-xs text-ink-muted">
        {words.login.enterCode(OTP_LENGTH)}{" "}
        <span className="tabular-nums">{words.login.timeLeft(formatClock(seconds))}</span>
      </p>
    </div>
  );
}

function useSecondsLeft(deadline: number): number {
  const now = useNow(1_000);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
