import { useQuery } from "@tanstack/react-query";
import type { StationId } from "@/lib/stations";
import { QUEUE_COUNTS_STATION, stationQueueQueryOptions, userQueueQueryOptions } from "../api/requests";
import type { QueueSources } from "../model/queue-line";

/**
 * The GraphQL side of the queue line: the station's length (where production's `queue` counts this
 * station) and, for login `session`, the user's place, each with when it arrived. A failed or missing
 * answer is simply absent: the line then shows what the other source knows, or nothing.
 */
export function useGraphqlQueueSources(
  station: StationId,
  session: number | null,
): Pick<QueueSources, "length" | "yours"> {
  const length = useQuery(stationQueueQueryOptions(station));
  const yours = useQuery(userQueueQueryOptions(session));
  return {
    length:
      station === QUEUE_COUNTS_STATION && length.data !== undefined
        ? { value: length.data, at: length.dataUpdatedAt }
        : null,
    yours: session !== null && yours.data ? { value: yours.data, at: yours.dataUpdatedAt } : null,
  };
}
