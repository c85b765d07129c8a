import type { FormEvent, RefObject } from "react";
import { useT } from "@/lib/i18n";
import type { LoginFlow } from "../hooks/use-login-flow";
import { useLoginWords } from "../hooks/use-login-words";
import { INPUT, LABEL, ProblemMessage, SubmitButton } from "./login-form-parts";

interface PasswordStepProps {
  flow: LoginFlow;
  usernameRef: RefObject<HTMLInputElement | null>;
  passwordRef: RefObject<HTMLInputElement | null>;
}

export function PasswordStep({ flow, usernameRef, passwordRef }: PasswordStepProps) {
  const t = useT();
  const words = useLoginWords();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    flow.submitPassword();
  };
  return (
    <form noValidate onSubmit={submit} aria-busy={flow.loggingIn} className="flex flex-col gap-4">
      <ProblemMessage problem={flow.problem} />
      <div>
        <label htmlFor="login-username" className={LABEL}>
          {words.login.username}
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
          value={flow.username}
          onChange={(event) => flow.setUsername(event.currentTarget.value)}
          className={INPUT}
        />
      </div>
      <div>
        <label htmlFor="login-password" className={LABEL}>
          {words.login.password}
        </label>
        <input
          ref={passwordRef}
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={flow.password}
          onChange={(event) => flow.setPassword(event.currentTarget.value)}
          className={INPUT}
        />
      </div>
      <label className="flex items-center gap-2.5 text-sm text-fg/85">
        <input
          type="checkbox"
          checked={flow.remember}
          onChange={(event) => flow.setRemember(event.currentTarget.checked)}
          className="h-4 w-4 accent-(--station)"
        />
        {words.login.rememberMe}
      </label>
      <SubmitButton pending={flow.loggingIn} busyLabel={words.login.loggingIn}>
        {t.auth.logIn}
      </SubmitButton>
    </form>
  );
}
