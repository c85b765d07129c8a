/**
 * The login's state machine: password step → (two-factor step) → logged in. It holds the fields, the
 * problem to show (as a code, translated when rendered), the temporary token's deadline, and which
 * field gets focus after each outcome. One submit at a time, however fast the form is submitted.
 */
import { useMutation } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef, useState } from "react";
import {
  classifyLoginError,
  type LoginFailure,
  loginFailureText,
  loginMfaMutationOptions,
  loginMutationOptions,
  MFA_WINDOW_MS,
  normalizeOtp,
  OTP_LENGTH,
} from "../api/login";
import { loggedIn } from "../auth-store";
import type { LoginWords } from "../login-messages";

export type LoginStep =
  | { kind: "password" }
  | { kind: "mfa"; mfaToken: string; expiresAt: number; remember: boolean };

export type LoginProblem =
  | { kind: "missing" | "mfaExpired" | "wrongCode" | "codeLength" }
  | { kind: "failed"; failure: LoginFailure };

/** On the two-factor step, problems only a fresh start can fix get a "Start over" button. */
export function offersStartOver(problem: LoginProblem | null): boolean {
  return (
    problem?.kind === "failed" &&
    (problem.failure.kind === "authUnclassified" || problem.failure.kind === "serverSaid")
  );
}

export function loginProblemText(problem: LoginProblem, words: LoginWords): string {
  switch (problem.kind) {
    case "missing":
      return words.login.missing;
    case "mfaExpired":
      return words.login.mfaExpired;
    case "wrongCode":
      return words.login.wrongCode;
    case "codeLength":
      return words.login.enterCode(OTP_LENGTH);
    case "failed":
      return loginFailureText(problem.failure, words);
  }
}

export interface LoginFields {
  username: RefObject<HTMLInputElement | null>;
  password: RefObject<HTMLInputElement | null>;
  code: RefObject<HTMLInputElement | null>;
}

export function useLoginFlow(fields: LoginFields, onLoggedIn: () => void) {
  const [step, setStep] = useState<LoginStep>({ kind: "password" });
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [remember, setRemember] = useState(true);
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<LoginProblem | null>(null);
  // State updates land a render later; the ref stops a second submit in the same tick.
  const busy = useRef(false);
  const login = useMutation(loginMutationOptions());
  const loginMfa = useMutation(loginMfaMutationOptions());

  function startOver(reason: LoginProblem | null = null) {
    busy.current = false;
    loginMfa.reset();
    setStep({ kind: "password" });
    setCode("");
    setProblem(reason);
  }

  // The server forgets the temporary token after ~2 minutes; say so rather than let a code fail.
  const expiresAt = step.kind === "mfa" ? step.expiresAt : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: startOver only sets state; the timer belongs to one deadline.
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(() => startOver({ kind: "mfaExpired" }), expiresAt - Date.now());
    return () => clearTimeout(timer);
  }, [expiresAt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the step changes, not as the user types.
  useEffect(() => {
    if (step.kind === "mfa") fields.code.current?.focus();
    else if (username) fields.password.current?.focus();
  }, [step.kind]);

  function submitPassword() {
    if (busy.current) return;
    if (!username.trim() || !password) {
      setProblem({ kind: "missing" });
      (username.trim() ? fields.password : fields.username).current?.focus();
      return;
    }
    busy.current = true;
    setProblem(null);
    login.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => {
          // The password has done its job either way; do not keep it around.
          setPassword("");
          if (result.mfa) {
            setStep({ kind: "mfa", mfaToken: result.token, expiresAt: Date.now() + MFA_WINDOW_MS, remember });
          } else {
            loggedIn(result.token, remember);
            onLoggedIn();
          }
        },
        onError: (error) => {
          setPassword("");
          setProblem({ kind: "failed", failure: classifyLoginError(error, "password") });
          fields.password.current?.focus();
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  function submitCode() {
    if (busy.current || step.kind !== "mfa") return;
    if (Date.now() >= step.expiresAt) {
      startOver({ kind: "mfaExpired" });
      return;
    }
    const digits = normalizeOtp(code);
    if (digits.length !== OTP_LENGTH) {
      setProblem({ kind: "codeLength" });
      fields.code.current?.focus();
      return;
    }
    busy.current = true;
    setProblem(null);
    loginMfa.mutate(
      { code: digits, mfaToken: step.mfaToken },
      {
        onSuccess: (token) => {
          loggedIn(token, step.remember);
          onLoggedIn();
        },
        onError: (error) => {
          // Stay on this step whatever the answer: an unclear "no" shows the server's words and offers
          // a fresh start, rather than silently sending the user back to the password.
          const failure = classifyLoginError(error, "mfa");
          setProblem(failure.kind === "wrongCode" ? { kind: "wrongCode" } : { kind: "failed", failure });
          fields.code.current?.select();
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  return {
    step,
    problem,
    username,
    setUsername,
    password,
    setPassword,
    remember,
    setRemember,
    code,
    setCode,
    loggingIn: login.isPending,
    checkingCode: loginMfa.isPending,
    submitPassword,
    submitCode,
    startOver,
  };
}

export type LoginFlow = ReturnType<typeof useLoginFlow>;
