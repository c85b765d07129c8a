/** Renders the whole page as main.tsx does: a started session (queries without retries) and <App />. */
import { render } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach } from "vitest";
import { App } from "@/app/app";
import { type Session, startSession } from "@/app/session";
import { createQueryClient } from "@/lib/query-client";

let running: Session | null = null;

afterEach(() => {
  running?.dispose();
  running = null;
});

export function startTestSession(): Session {
  running?.dispose();
  running = startSession({ window, createQueryClient: () => createQueryClient({ retry: false }) });
  return running;
}

/** The page as a listener gets it; the session is disposed after the test. */
export function renderApp() {
  startTestSession();
  return render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
