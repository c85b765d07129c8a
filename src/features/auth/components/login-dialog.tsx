/** Loaded on demand (React.lazy in AccountArea): nobody pays for the login form until they open it. */
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { SpinnerIcon } from "@/components/ui/icons";
import { formatClock } from "@/lib/format";
import { isGraphqlError } from "@/lib/graphql-client";
import { getT, useT } from "@/lib/i18n";
import { useNow } from "@/lib/use-now";
import {
  loginErrorMessage,
  loginMfaMutationOptions,
  loginMutationOptions,
  MFA_WINDOW_MS,
  normalizeOtp,
  OTP_LENGTH,
} from "../api/login";
import { loggedIn } from "../auth-store";

interface LoginDialogProps {
  onClose(): void;
  /** Called once the token is stored; the dialog is done. */
  onLoggedIn(): void;
}

type Step = { kind: "password" } | { kind: "mfa"; mfaToken: string; expiresAt: number };

const INPUT =
  "w-full rounded-xl bg-ink px-3 py-2.5 text-fg ring-1 ring-fg/15 outline-none placeholder:text-fg/30 focus:ring-2 focus:ring-station disabled:opacity-60";
const LABEL = "mb-1.5 block text-sm font-medium text-fg/85";

export function LoginDialog({ onClose, onLoggedIn }: LoginDialogProps) {
  const [step, setStep] = useState<Step>({ kind: "password" });
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(true);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  // State updates land a render later; the ref stops a second submit in the same tick.
  const busy = useRef(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  const login = useMutation(loginMutationOptions());
  const loginMfa = useMutation(loginMfaMutationOptions());
  const pending = login.isPending || loginMfa.isPending;

  function backToPassword(message: string | null) {
    busy.current = false;
    loginMfa.reset();
    setStep({ kind: "password" });
    setCode("");
    setError(message);
  }

  // The server forgets the temporary token after ~2 minutes; say so rather than let a code fail.
  const expiresAt = step.kind === "mfa" ? step.expiresAt : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: backToPassword only sets state; the timer belongs to one deadline.
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(() => backToPassword(getT().login.mfaExpired), expiresAt - Date.now());
    return () => clearTimeout(timer);
  }, [expiresAt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the step changes, not as the user types.
  useEffect(() => {
    if (step.kind === "mfa") codeRef.current?.focus();
    else if (username) passwordRef.current?.focus();
  }, [step.kind]);

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    if (!username.trim() || !password) {
      setError(t.login.missing);
      (username.trim() ? passwordRef : usernameRef).current?.focus();
      return;
    }
    busy.current = true;
    setError(null);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => {
          // The password has done its job either way; do not keep it around.
          setPassword("");
          if (result.mfa) {
            setStep({ kind: "mfa", mfaToken: result.token, expiresAt: Date.now() + MFA_WINDOW_MS });
          } else {
            loggedIn(result.token, remember);
            onLoggedIn();
          }
        },
        onError: (failure) => {
          setPassword("");
          setError(loginErrorMessage(failure, t));
          passwordRef.current?.focus();
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (busy.current || step.kind !== "mfa") return;
    if (Date.now() >= step.expiresAt) {
      backToPassword(t.login.mfaExpired);
      return;
    }
    const digits = normalizeOtp(code);
    if (digits.length !== OTP_LENGTH) {
      setError(t.login.enterCode(OTP_LENGTH));
      codeRef.current?.focus();
      return;
    }
    busy.current = true;
    setError(null);
    loginMfa.mutate(
      { code: digits, mfaToken: step.mfaToken },
      {
        onSuccess: (token) => {
          loggedIn(token, remember);
          onLoggedIn();
        },
        onError: (failure) => {
          // The temporary token is the only authorization here: rejected means it ran out.
          if (isGraphqlError(failure, "unauthorized")) {
            backToPassword(t.login.mfaExpired);
            return;
          }
          setError(isGraphqlError(failure, "rejected") ? t.login.wrongCode : loginErrorMessage(failure, t));
          codeRef.current?.select();
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  return (
    <Dialog title={t.login.title} onClose={onClose} initialFocusRef={usernameRef}>
      {step.kind === "password" ? (
        <form noValidate onSubmit={submitPassword} aria-busy={pending} className="flex flex-col gap-4">
          <ErrorMessage error={error} />
          <div>
            <label htmlFor="login-username" className={LABEL}>
              {t.login.username}
            </label>
            <input
              ref={usernameRef}
              id="login-username"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
              className={INPUT}
            />
          </div>
          <div>
            <label htmlFor="login-password" className={LABEL}>
              {t.login.password}
            </label>
            <input
              ref={passwordRef}
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              className={INPUT}
            />
          </div>
          <label className="flex items-center gap-2.5 text-sm text-fg/85">
            <input
              type="checkbox"
              checked={remember}
              onChange={(event) => setRemember(event.currentTarget.checked)}
              className="h-4 w-4 accent-(--station)"
            />
            {t.login.rememberMe}
          </label>
          <SubmitButton pending={login.isPending} busyLabel={t.login.loggingIn}>
            {t.auth.logIn}
          </SubmitButton>
        </form>
      ) : (
        <form noValidate onSubmit={submitCode} aria-busy={pending} className="flex flex-col gap-4">
          <ErrorMessage error={error} />
          <OtpField
            inputRef={codeRef}
            value={code}
            onChange={setCode}
            expiresAt={step.expiresAt}
            readOnly={loginMfa.isPending}
          />
          <SubmitButton pending={loginMfa.isPending} busyLabel={t.login.checkingCode}>
            {t.login.verify}
          </SubmitButton>
          <button
            type="button"
            onClick={() => backToPassword(null)}
            className="text-sm text-fg/70 underline-offset-4 hover:text-fg hover:underline focus-visible:outline-2 focus-visible:outline-fg"
          >
            {t.login.backToPassword}
          </button>
        </form>
      )}
    </Dialog>
  );
}

function ErrorMessage({ error }: { error: string | null }) {
  if (!error) return null;
  // An alert is announced as it appears; the text stays until the next attempt.
  return (
    <p
      role="alert"
      className="rounded-2xl bg-rose-500/15 px-3 py-2.5 text-sm text-danger ring-1 ring-rose-400/30"
    >
      {error}
    </p>
  );
}

function SubmitButton({
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

interface OtpFieldProps {
  inputRef: React.RefObject<HTMLInputElement | null>;
  value: string;
  onChange(value: string): void;
  expiresAt: number;
  readOnly: boolean;
}

function OtpField({ inputRef, value, onChange, expiresAt, readOnly }: OtpFieldProps) {
  const hintId = useId();
  const seconds = useSecondsLeft(expiresAt);
  const t = useT();
  return (
    <div>
      <label htmlFor="login-otp" className={LABEL}>
        {t.login.twoFactorCode}
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
        {t.login.enterCode(OTP_LENGTH)}{" "}
        <span className="tabular-nums">{t.login.timeLeft(formatClock(seconds))}</span>
      </p>
    </div>
  );
}

function useSecondsLeft(deadline: number): number {
  const now = useNow(1_000);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
