import { createStore, useStore } from "zustand";
import type { ConnectionStatus } from "./gateway-client";

interface ConnectionState {
  status: ConnectionStatus;
  droppedFrames: number;
  lastDropReason: string | null;
}

const initial: ConnectionState = { status: { kind: "idle" }, droppedFrames: 0, lastDropReason: null };
const store = createStore<ConnectionState>(() => initial);

export const useConnectionStatus = () => useStore(store, (s) => s.status);
export const useDroppedFrames = () => useStore(store, (s) => s.droppedFrames);

export function connectionChanged(status: ConnectionStatus) {
  store.setState({ status });
}

export function frameDropped(reason: string) {
  store.setState((s) => ({ droppedFrames: s.droppedFrames + 1, lastDropReason: reason }));
}

export const getConnectionState = () => store.getState();

export function resetConnectionStore() {
  store.setState(initial, true);
}
