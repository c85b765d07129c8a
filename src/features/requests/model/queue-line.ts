/**
 * Which queue line to show when both sources speak: the seed (v1) gateway's `d.queue`, and GraphQL
 * `queue` / `userQueue`. Each part (the station's length, the listener's own requests) comes from
 * whichever source answered last, so a request shows at once through GraphQL even while the seed
 * gateway's last frame still predates it, and a newer frame wins over an older GraphQL answer.
 */
import { gatewayQueueLine, type Queue, type QueueLine } from "@/lib/song";
import type { UserQueue } from "../api/requests";

export interface Timed<T> {
  value: T;
  /** When it arrived, epoch ms. */
  at: number;
}

export interface QueueSources {
  gateway: Timed<Queue> | null;
  length: Timed<number> | null;
  yours: Timed<UserQueue> | null;
}

/** The newer of two answers; GraphQL wins a tie, since it is asked for on purpose. */
function fresher<T>(gateway: Timed<T> | null, graphql: Timed<T> | null): T | null {
  if (gateway && graphql) return graphql.at >= gateway.at ? graphql.value : gateway.value;
  return (graphql ?? gateway)?.value ?? null;
}

export function chooseQueueLine({ gateway, length, yours }: QueueSources): QueueLine | null {
  const seed = gateway && { line: gatewayQueueLine(gateway.value), at: gateway.at };
  const line: QueueLine = {
    length: fresher(seed && { value: seed.line.length, at: seed.at }, length),
    yours: fresher(seed && { value: seed.line.yours, at: seed.at }, yours),
  };
  return line.length === null && line.yours === null ? null : line;
}
