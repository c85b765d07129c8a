import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";
import type { ConnectionStatus } from "./gateway-client";

interface ConnectionState {
  status: ConnectionStatus;
  droppedFrames: number;
  lastDropReason: string | null;
}

const initial: ConnectionState = { status: { kind: "idle" }, droppedFrames: 0, lastDropReason: null };
const store = createSelectableStore<ConnectionState>(() => initial);

export const useConnectionStatus = () => useStore(store, (s) => s.status);

export function connectionChanged(status: ConnectionStatus) {
  store.setState({ status });
}

export function frameDropped(reason: string) {
  store.setState((s) => ({ droppedFrames: s.droppedFrames + 1, lastDropReason: reason }));
}

/** Calls `listener` whenever the connection becomes live, or stops being live. */
export const subscribeToLiveness = (listener: (live: boolean) => void) =>
  store.subscribe((s) => s.status.kind === "live", listener);

export function resetConnectionStore() {
  store.setState(initial, true);
}
