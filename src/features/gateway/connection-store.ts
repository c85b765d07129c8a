import { useStore } from "zustand";
import { createSelectableStore } from "@/lib/persisted-store";
import type { ConnectionStatus } from "./gateway-client";

interface ConnectionState {
  status: ConnectionStatus;
  droppedFrames: number;
  lastDropReason: string | null;
  /** Fields refused inside frames that were otherwise used (the frame itself still counts). */
  droppedFields: number;
  lastDroppedField: string | null;
}

const initial: ConnectionState = {
  status: { kind: "idle" },
  droppedFrames: 0,
  lastDropReason: null,
  droppedFields: 0,
  lastDroppedField: null,
};
const store = createSelectableStore<ConnectionState>(() => initial);

export const useConnectionStatus = () => useStore(store, (s) => s.status);

export function connectionChanged(status: ConnectionStatus) {
  store.setState({ status });
}

export function frameDropped(reason: string) {
  store.setState((s) => ({ droppedFrames: s.droppedFrames + 1, lastDropReason: reason }));
}

export function fieldDropped(field: string) {
  store.setState((s) => ({ droppedFields: s.droppedFields + 1, lastDroppedField: field }));
}

/** What was refused so far: whole frames, and fields inside frames that were used. */
export function getDropCounts() {
  const { droppedFrames, lastDropReason, droppedFields, lastDroppedField } = store.getState();
  return { droppedFrames, lastDropReason, droppedFields, lastDroppedField };
}

/** Calls `listener` whenever the connection becomes live, or stops being live. */
export const subscribeToLiveness = (listener: (live: boolean) => void) =>
  store.subscribe((s) => s.status.kind === "live", listener);

export function resetConnectionStore() {
  store.setState(initial, true);
}
