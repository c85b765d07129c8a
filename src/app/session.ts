/**
 * The composition root: everything the page does outside React starts here, and one dispose undoes
 * all of it. Importing a module starts nothing; `startSession` wires every store→store and
 * store→controller effect (gateway, audio, offline snapshot, theme, language, tab title, station
 * chrome, cross-tab login, and with the islands Media Session, notifications and the query cache) and
 * collects their disposers.
 * React components only read stores and call actions.
 */
import { getAuthToken, sessionExpired, startAuthSync } from "@/features/auth/auth-store";
import { audioStationChanged, startAudioSession } from "@/features/player/audio-session";
import { getStation, subscribeToStation } from "@/features/station/station-store";
import { provideAuthorization } from "@/lib/authorization";
import { startDocumentTitle } from "./document-title";
import { startGatewaySession } from "./gateway-session";
import { type IslandsEnvironment, startIslands } from "./islands";
import { startLanguage } from "./language";
import { restoreSnapshot, startSnapshotting } from "./offline-snapshot";
import { startStationChrome } from "./station-chrome";
import { startTheme } from "./theme";

export type SessionEnvironment = IslandsEnvironment;

export interface Session {
  /** Settles when the chosen language's words are in (at once for English). */
  ready: Promise<void>;
  dispose(): void;
}

export function startSession(environment: SessionEnvironment): Session {
  const { window } = environment;
  const { document } = window;
  const disposers: (() => void)[] = [];
  const add = (dispose: () => void) => disposers.push(dispose);

  add(provideAuthorization({ token: getAuthToken, rejected: sessionExpired }));
  add(startAuthSync(window));
  add(startTheme(window));
  const language = startLanguage(window);
  add(language.stop);
  // The last known songs first, so the page opens with them (offline too) before the gateway answers.
  restoreSnapshot();
  add(startSnapshotting());
  add(startGatewaySession(window));
  add(startAudioSession({ window, document }, getStation()));
  add(subscribeToStation(audioStationChanged));
  add(startDocumentTitle(document));
  add(startStationChrome(window));
  add(startIslands(environment));

  let disposed = false;
  return {
    ready: language.ready,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const dispose of disposers.splice(0).reverse()) dispose();
    },
  };
}
