/** Loaded on demand (React.lazy in AccountArea): nobody pays for the login form until they open it. */
import { useRef } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useLoginFlow } from "../hooks/use-login-flow";
import { useLoginWords } from "../hooks/use-login-words";
import { AccountLinks } from "./account-links";
import { PasswordStep } from "./password-step";
import { TwoFactorStep } from "./two-factor-step";

interface LoginDialogProps {
  onClose(): void;
  /** Called once the token is stored; the dialog is done. */
  onLoggedIn(): void;
}

export function LoginDialog({ onClose, onLoggedIn }: LoginDialogProps) {
  const words = useLoginWords();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const flow = useLoginFlow({ username: usernameRef, password: passwordRef, code: codeRef }, onLoggedIn);
  return (
    <Dialog title={words.login.title} onClose={onClose} initialFocusRef={usernameRef}>
      {flow.step.kind === "password" ? (
        <>
          <PasswordStep flow={flow} usernameRef={usernameRef} passwordRef={passwordRef} />
          <AccountLinks />
        </>
      ) : (
        <TwoFactorStep flow={flow} expiresAt={flow.step.expiresAt} codeRef={codeRef} />
      )}
    </Dialog>
  );
}
