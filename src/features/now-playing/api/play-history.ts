import { queryOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { graphqlRequest } from "@/lib/graphql-client";
import { SONG_FIELDS, songSchema, validItems } from "@/lib/song-schema";
import type { StationId } from "@/lib/stations";
import { HISTORY_LIMIT, type HistoryEntry } from "../model/apply-track-update";

export const PLAY_HISTORY_COUNT = 20;

/** AND's PlayHistory.graphql, plus `createdAt` (when each play started) and character refs. */
export const PLAY_HISTORY_QUERY = `query PlayHistoryQuery($kpop: Boolean) {
  playStatistics(offset: 0, count: ${PLAY_HISTORY_COUNT}, kpop: $kpop) {
    songs {
      createdAt
      song { ${SONG_FIELDS} }
    }
  }
}`;

/** createdAt is epoch milliseconds as a string (sometimes a number). */
const epochMs = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => Number(value)),
  v.check((ms) => Number.isFinite(ms) && ms > 0),
);

const play = v.pipe(
  v.object({ createdAt: v.optional(v.nullable(epochMs), null), song: songSchema }),
  v.transform(({ song, createdAt }): HistoryEntry => ({ song, playedAt: createdAt })),
);

/** Entries that fail validation are dropped one by one; one bad row never hides the rest. */
const playHistorySchema = v.object({
  playStatistics: v.nullable(
    v.object({
      songs: validItems(play, HISTORY_LIMIT),
    }),
  ),
});

export const playHistoryQueryOptions = (station: StationId) =>
  queryOptions({
    queryKey: ["play-history", station],
    queryFn: async ({ signal }) => {
      const data = await graphqlRequest({
        operationName: "PlayHistoryQuery",
        query: PLAY_HISTORY_QUERY,
        variables: { kpop: station === "kpop" },
        schema: playHistorySchema,
        signal,
      });
      return data.playStatistics?.songs ?? [];
    },
    staleTime: 60_000,
  });
