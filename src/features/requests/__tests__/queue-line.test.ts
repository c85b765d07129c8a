import { describe, expect, it } from "vitest";
import type { Queue } from "@/lib/song";
import { chooseQueueLine, type QueueSources } from "../model/queue-line";

const seed = (inQueue: number, inQueueByUser: number, inQueueBeforeUser: number, at: number) => ({
  value: { inQueue, inQueueByUser, inQueueBeforeUser } satisfies Queue,
  at,
});
const none: QueueSources = { gateway: null, length: null, yours: null };

describe("which queue line shows", () => {
  it.each([
    ["nothing from either source", none, null],
    [
      "only the seed gateway",
      { ...none, gateway: seed(12, 2, 3, 100) },
      { length: 12, yours: { amount: 2, before: 3 } },
    ],
    [
      "only GraphQL",
      { ...none, length: { value: 4, at: 100 }, yours: { value: { amount: 1, before: 0 }, at: 100 } },
      { length: 4, yours: { amount: 1, before: 0 } },
    ],
    [
      "only GraphQL's length (logged out)",
      { ...none, length: { value: 0, at: 100 } },
      { length: 0, yours: null },
    ],
    [
      "only GraphQL's place (a station production's queue does not count)",
      { ...none, yours: { value: { amount: 2, before: 5 }, at: 100 } },
      { length: null, yours: { amount: 2, before: 5 } },
    ],
    [
      "both, GraphQL fresher (answered after a request)",
      {
        gateway: seed(12, 0, 0, 100),
        length: { value: 13, at: 200 },
        yours: { value: { amount: 1, before: 12 }, at: 200 },
      },
      { length: 13, yours: { amount: 1, before: 12 } },
    ],
    [
      "both, the gateway fresher (a track change since)",
      {
        gateway: seed(11, 1, 0, 300),
        length: { value: 13, at: 200 },
        yours: { value: { amount: 1, before: 12 }, at: 200 },
      },
      { length: 11, yours: { amount: 1, before: 0 } },
    ],
    [
      "both, each part from its fresher source",
      {
        gateway: seed(11, 1, 0, 300),
        length: { value: 13, at: 400 },
        yours: { value: { amount: 2, before: 1 }, at: 200 },
      },
      { length: 13, yours: { amount: 1, before: 0 } },
    ],
    [
      "a tie goes to GraphQL",
      { gateway: seed(11, 1, 0, 300), length: { value: 13, at: 300 }, yours: null },
      { length: 13, yours: { amount: 1, before: 0 } },
    ],
  ] as [string, QueueSources, unknown][])("%s", (_, sources, expected) => {
    expect(chooseQueueLine(sources)).toEqual(expected);
  });
});
