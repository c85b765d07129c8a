import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ConnectionStatus } from "../components/connection-status";
import { connectionChanged } from "../connection-store";
import type { ConnectionStatus as Status } from "../gateway-client";
import { UNREACHABLE_AFTER_ATTEMPTS } from "../protocol";

const status = () => screen.getByRole("status", { name: "Connection" });
const inAWhile = () => Date.now() + 4_500;

describe("the connection status", () => {
  it.each<[string, Status, RegExp]>([
    ["live", { kind: "live", station: "jpop" }, /^Live$/],
    ["connecting", { kind: "connecting", station: "jpop" }, /^Connecting…$/],
    [
      "a first retry",
      { kind: "reconnecting", station: "jpop", retryAt: inAWhile(), attempt: 1 },
      /^Reconnecting in \d s$/,
    ],
    [
      "one retry short of giving the host up",
      { kind: "reconnecting", station: "jpop", retryAt: inAWhile(), attempt: UNREACHABLE_AFTER_ATTEMPTS - 1 },
      /^Reconnecting in \d s$/,
    ],
    [
      "several failed attempts while online",
      { kind: "reconnecting", station: "jpop", retryAt: inAWhile(), attempt: UNREACHABLE_AFTER_ATTEMPTS },
      /^Can't reach LISTEN\.moe — trying again in \d s$/,
    ],
    [
      "many failed attempts, retrying now",
      { kind: "reconnecting", station: "kpop", retryAt: 0, attempt: 40 },
      /^Can't reach LISTEN\.moe — trying again…$/,
    ],
    ["the browser offline", { kind: "offline", station: "jpop" }, /^Offline — waiting for the network$/],
  ])("says so plainly when %s", (_name, next, text) => {
    render(<ConnectionStatus />);
    act(() => connectionChanged(next));
    expect(status()).toHaveTextContent(text);
  });
});
