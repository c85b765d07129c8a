/** The search feature's tests: a fake `search` over a small catalogue, and the box with its results. */
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { HttpResponse } from "msw";
import { StrictMode } from "react";
import { createQueryClient } from "@/lib/query-client";
import type { Song } from "@/lib/song";
import type { StationId } from "@/lib/stations";
import { type RawSong, rawSong } from "@/testing/fixtures";
import { api } from "@/testing/graphql-testing";
import { server } from "@/testing/msw-server";
import { SearchBox } from "../components/search-box";
import { SearchResults } from "../components/search-results";

export { api } from "@/testing/graphql-testing";

export interface SearchCall {
  query: string;
  kpop: boolean;
  favoritesOnly: boolean;
  offset: number;
  limit: number;
  /** Whether the client gave up on this request (aborted) before it was answered. */
  aborted: () => boolean;
  authorization: string | null;
}

/** A whole GraphQL body, sent as it is (any shape: the client must cope). */
type Answer = Record<string, unknown>;

/**
 * `search` answering from `catalogue` (title substring, per station) unless `answer` says otherwise
 * for a call. Every call is logged; `hold(query)` keeps that query's answer back until released.
 */
export function fakeSearch(
  catalogue: Record<StationId, RawSong[]>,
  answer?: (call: SearchCall) => Answer | undefined,
) {
  const calls: SearchCall[] = [];
  const held = new Map<string, Promise<void>>();
  server.use(
    api.query("search", async ({ variables, request }) => {
      const call: SearchCall = {
        query: String(variables.query),
        kpop: variables.kpop === true,
        favoritesOnly: variables.favoritesOnly === true,
        offset: Number(variables.offset ?? 0),
        limit: Number(variables.limit ?? 50),
        aborted: () => request.signal.aborted,
        authorization: request.headers.get("Authorization"),
      };
      calls.push(call);
      await held.get(call.query);
      const custom = answer?.(call);
      if (custom) return Response.json(custom);
      const needle = call.query.toLowerCase();
      const hits = catalogue[call.kpop ? "kpop" : "jpop"].filter((song) =>
        (song.title ?? "").toLowerCase().includes(needle),
      );
      const page = hits
        .slice(call.offset, call.offset + call.limit)
        .map((song) =>
          call.favoritesOnly
            ? { __typename: "Favorite", createdAt: "1700000000000", song }
            : { __typename: "Song", ...song },
        );
      return HttpResponse.json({ data: { search: page } });
    }),
  );
  return {
    calls,
    /** Keeps the answer to `query` back; call the result to let it go. */
    hold(query: string) {
      let release = () => {};
      held.set(
        query,
        new Promise<void>((resolve) => {
          release = resolve;
        }),
      );
      return release;
    },
  };
}

export function songs(titles: string[], firstId = 1): RawSong[] {
  return titles.map((title, i) =>
    rawSong(firstId + i, title, {
      albums: [{ id: 500 + firstId + i, name: `Album of ${title}`, nameRomaji: null, image: null }],
    }),
  );
}

/** What the app composes into a row, as simple stand-ins that show what they were given. */
export const standIns = {
  renderFavorite: (song: Song) => (
    <button type="button" aria-pressed={song.favorite === true}>
      Favorite {song.title}
    </button>
  ),
  renderRequest: (song: Song) => <button type="button">Request {song.title}</button>,
};

export function renderSearch(props: { station?: StationId; session?: number | null; ready?: boolean } = {}) {
  const client = createQueryClient({ retry: false });
  const ui = (station: StationId) => (
    <StrictMode>
      <QueryClientProvider client={client}>
        <SearchBox>
          <SearchResults
            station={station}
            session={props.session ?? null}
            ready={props.ready ?? true}
            {...standIns}
          />
        </SearchBox>
      </QueryClientProvider>
    </StrictMode>
  );
  const result = render(ui(props.station ?? "jpop"));
  return { client, ...result, switchStation: (station: StationId) => result.rerender(ui(station)) };
}
