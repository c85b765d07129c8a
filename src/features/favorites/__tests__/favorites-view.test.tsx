import { QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { graphql, HttpResponse } from "msw";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { provideAuthorization } from "@/lib/authorization";
import { romajiToggled } from "@/lib/display-preferences";
import { graphqlEndpoint } from "@/lib/graphql-client";
import { createQueryClient } from "@/lib/query-client";
import type { Song } from "@/lib/song";
import { type RawSong, rawSong } from "@/testing/fixtures";
import { gate } from "@/testing/graphql-testing";
import { server } from "@/testing/msw-server";
import { FavoritesView, type FavoritesViewProps } from "../components/favorites-view";

const api = graphql.link(graphqlEndpoint());
const TOKEN = "view.jwt";
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15);

let removeAuthorization = () => {};
beforeEach(() => {
  removeAuthorization = provideAuthorization({ token: () => TOKEN, rejected: () => {} });
});
afterEach(() => removeAuthorization());

const SONGS: RawSong[] = [
  rawSong(1, "紅蓮華", {
    artists: [{ id: 10, name: "LiSA", nameRomaji: null, image: null, characters: [] }],
    albums: [{ id: 100, name: "紅蓮華", nameRomaji: "Gurenge", image: null }],
  }),
  rawSong(2, "Blue Bird", {
    artists: [{ id: 20, name: "いきものがかり", nameRomaji: "Ikimono-gakari", image: null, characters: [] }],
    sources: [{ id: 200, name: "NARUTO", nameRomaji: null, image: null }],
  }),
  rawSong(3, "Unravel", { artists: [{ id: 30, name: "TK", nameRomaji: null, image: null, characters: [] }] }),
];
// Romaji for the first title: the view shows it when romaji is preferred.
(SONGS[0] as RawSong & { titleRomaji: string }).titleRomaji = "Gurenge";

/** A station holding `initial` favorites (newest first), answering the list, checkFavorite and the toggle. */
function fakeStation(initial: RawSong[] = SONGS) {
  const favorites = new Map(initial.map((song, i) => [song.id, { song, at: NOW - i * DAY }]));
  const log = { pages: 0, toggles: [] as number[] };
  let listFailure: (() => Response) | null = null;
  let toggleFailure: (() => Response) | null = null;
  let heldToggle: Promise<void> | null = null;
  server.use(
    api.query("userFavorites", ({ variables, request }) => {
      log.pages++;
      if (request.headers.get("Authorization") !== `Bearer ${TOKEN}`)
        return HttpResponse.json({ errors: [{ message: "Invalid authorization." }] });
      if (listFailure) return listFailure();
      const all = [...favorites.values()].sort((a, b) => b.at - a.at);
      const { offset, count } = variables as { offset: number; count: number };
      return HttpResponse.json({
        data: {
          user: {
            favorites: {
              favorites: all
                .slice(offset, offset + count)
                .map((f) => ({ createdAt: String(f.at), song: f.song })),
              count: all.length,
            },
          },
        },
      });
    }),
    // Asked before a toggle whose cached answer may be out of date (Undo after the removal settled).
    api.query("checkFavorite", ({ variables }) =>
      HttpResponse.json({
        data: { checkFavorite: (variables.songs as number[]).filter((id) => favorites.has(id)) },
      }),
    ),
    api.mutation("favoriteSong", async ({ variables }) => {
      const id = variables.id as number;
      log.toggles.push(id);
      if (heldToggle) await heldToggle;
      if (toggleFailure) return toggleFailure();
      const song = SONGS.find((s) => s.id === id) ?? rawSong(id, `Song ${id}`);
      if (favorites.has(id)) favorites.delete(id);
      else favorites.set(id, { song, at: Date.now() });
      return HttpResponse.json({ data: { favoriteSong: { id } } });
    }),
  );
  return {
    favorites,
    log,
    failList: (make: (() => Response) | null) => {
      listFailure = make;
    },
    failToggle: (make: (() => Response) | null) => {
      toggleFailure = make;
    },
    /** Holds every toggle's answer until the returned function is called. */
    holdToggles: () => {
      const g = gate();
      heldToggle = g.opened;
      return () => {
        heldToggle = null;
        g.open();
      };
    },
  };
}

function renderView(props: Partial<FavoritesViewProps> = {}) {
  const client = createQueryClient({ retry: false });
  const result = render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <FavoritesView session={1} station="jpop" {...props} />
      </QueryClientProvider>
    </StrictMode>,
  );
  return { client, ...result };
}

const view = () => screen.getByRole("region", { name: "Favorites" });
const rows = () =>
  within(screen.getByRole("list", { name: "Your J-pop favorites" })).queryAllByRole("listitem");
const rowTitles = () =>
  rows().map((row) => within(row).getAllByRole("button")[0].querySelector("span")?.textContent);

describe("FavoritesView", () => {
  it("asks to log in when logged out, and asks the server nothing", () => {
    const station = fakeStation();
    renderView({ session: null, loginAction: <button type="button">Log in to see favorites</button> });
    expect(within(view()).getByRole("heading", { name: "Favorites" })).toBeInTheDocument();
    expect(within(view()).getByText("Log in to see your favorites.")).toBeInTheDocument();
    expect(within(view()).getByRole("button", { name: "Log in to see favorites" })).toBeInTheDocument();
    expect(station.log.pages).toBe(0);
  });

  it("says it is loading while the page's query client is not there yet", () => {
    const station = fakeStation();
    renderView({ session: "waiting" });
    expect(within(view()).getByRole("heading", { name: "Favorites" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Loading your favorites…");
    expect(station.log.pages).toBe(0);
  });

  it("shows loading, then the count and every favorite as a list item with its place, artists, origin and date", async () => {
    fakeStation();
    renderView({ renderRequest: (song: Song) => <button type="button">Request {song.title}</button> });
    expect(screen.getByRole("status")).toHaveTextContent("Loading your favorites…");
    expect(await within(view()).findByText("3 favorites")).toBeInTheDocument();
    expect(rows()).toHaveLength(3);
    const [first, second] = rows();
    expect(first).toHaveAttribute("aria-posinset", "1");
    expect(first).toHaveAttribute("aria-setsize", "3");
    expect(within(first).getByText("紅蓮華", { selector: "button span" })).toBeInTheDocument();
    expect(within(first).getByText("LiSA")).toBeInTheDocument();
    expect(within(first).getByText("Added Jan 15, 2026")).toBeInTheDocument();
    expect(within(second).getByText("NARUTO")).toBeInTheDocument(); // no album: the source
    // The favorite toggle and the request slot.
    expect(within(first).getByRole("button", { name: "Favorite 紅蓮華" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    expect(within(first).getByRole("button", { name: "Request 紅蓮華" })).toBeInTheDocument();
  });

  it("shows romaji titles when romaji is preferred", async () => {
    fakeStation();
    romajiToggled(true);
    renderView();
    await within(view()).findByText("3 favorites");
    expect(rowTitles()[0]).toBe("Gurenge");
    expect(within(rows()[1]).getByText("Ikimono-gakari")).toBeInTheDocument();
  });

  it("filters as you type over every name, says how many match, and offers to clear a filter that matches nothing", async () => {
    fakeStation();
    const user = userEvent.setup();
    renderView();
    await within(view()).findByText("3 favorites");
    const filter = screen.getByRole("textbox", { name: "Filter favorites" });
    await user.type(filter, "ikimono");
    expect(rowTitles()).toEqual(["Blue Bird"]);
    expect(await screen.findByText("1 match")).toBeInTheDocument();
    await user.clear(filter);
    await user.type(filter, "ＧＵＲＥＮＧＥ"); // full width, matching the album's romaji
    expect(rowTitles()).toEqual(["紅蓮華"]);
    await user.clear(filter);
    await user.type(filter, "nothing like it");
    expect(screen.getByText("No favorites match “nothing like it”.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear filter" }));
    expect(filter).toHaveValue("");
    expect(rows()).toHaveLength(3);
  });

  it.each([
    ["Date added", ["紅蓮華", "Blue Bird", "Unravel"]],
    ["Title", ["Blue Bird", "Unravel", "紅蓮華"]],
    ["Artist", ["紅蓮華", "Unravel", "Blue Bird"]], // LiSA, TK, いきものがかり (Latin first in English collation)
  ])("sorts by %s", async (label, expected) => {
    fakeStation();
    const user = userEvent.setup();
    renderView();
    await within(view()).findByText("3 favorites");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), label);
    expect(rowTitles()).toEqual(expected);
  });

  it("removes an unfavorited row, offers Undo, and Undo brings it back on the server too", async () => {
    const station = fakeStation();
    const user = userEvent.setup();
    renderView();
    await within(view()).findByText("3 favorites");
    await user.click(within(rows()[1]).getByRole("button", { name: "Favorite Blue Bird" }));
    await waitFor(() => expect(rowTitles()).toEqual(["紅蓮華", "Unravel"]));
    expect(within(view()).getByText("2 favorites")).toBeInTheDocument();
    expect(screen.getByText("Removed “Blue Bird” from favorites.")).toBeInTheDocument();
    await waitFor(() => expect(station.favorites.has(2)).toBe(false));

    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(rowTitles()).toEqual(["紅蓮華", "Blue Bird", "Unravel"]));
    await waitFor(() => expect(station.favorites.has(2)).toBe(true));
    expect(station.log.toggles).toEqual([2, 2]);
    expect(screen.queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });

  it("keeps Undo unavailable while the removal is still on its way, so the two toggles cannot cross", async () => {
    const station = fakeStation();
    const user = userEvent.setup();
    renderView();
    await within(view()).findByText("3 favorites");
    const release = station.holdToggles();
    await user.click(within(rows()[1]).getByRole("button", { name: "Favorite Blue Bird" }));
    const undo = await screen.findByRole("button", { name: "Undo" });
    expect(undo).toBeDisabled();
    expect(undo).toHaveAttribute("aria-busy", "true");

    release();
    await waitFor(() => expect(undo).toBeEnabled());
    expect(station.favorites.has(2)).toBe(false);
    await user.click(undo);
    await waitFor(() => expect(rowTitles()).toEqual(["紅蓮華", "Blue Bird", "Unravel"]));
    await waitFor(() => expect(station.favorites.has(2)).toBe(true));
    expect(station.log.toggles).toEqual([2, 2]);
  });

  it("keeps the row when unfavoriting fails, and says so", async () => {
    const station = fakeStation();
    const user = userEvent.setup();
    renderView();
    await within(view()).findByText("3 favorites");
    station.failToggle(() =>
      HttpResponse.json({
        data: null,
        errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      }),
    );
    await user.click(within(rows()[0]).getByRole("button", { name: "Favorite 紅蓮華" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't remove this song from your favorites.",
    );
    expect(rowTitles()).toEqual(["紅蓮華", "Blue Bird", "Unravel"]);
    expect(station.favorites.has(1)).toBe(true);
  });

  it("keeps Undo and the removal when Undo fails, with an alert", async () => {
    const station = fakeStation();
    const user = userEvent.setup();
    renderView();
    await within(view()).findByText("3 favorites");
    await user.click(within(rows()[2]).getByRole("button", { name: "Favorite Unravel" }));
    await waitFor(() => expect(station.favorites.has(3)).toBe(false));
    station.failToggle(() => HttpResponse.error());
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't add “Unravel” back.");
    expect(rowTitles()).toEqual(["紅蓮華", "Blue Bird"]);
    // Nothing is lost: Undo is still there and works once the network is back.
    station.failToggle(null);
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(rowTitles()).toEqual(["紅蓮華", "Blue Bird", "Unravel"]));
    expect(station.favorites.has(3)).toBe(true);
  });

  it("says when there are no favorites yet", async () => {
    fakeStation([]);
    renderView();
    expect(await screen.findByText(/No favorites yet/)).toBeInTheDocument();
    expect(within(view()).getByText("0 favorites")).toBeInTheDocument();
  });

  it("shows an error with Retry, and the list once Retry works", async () => {
    const station = fakeStation();
    station.failList(() =>
      HttpResponse.json({
        data: { user: null },
        errors: [
          {
            message: "Internal server error",
            path: ["user", "favorites"],
            extensions: { code: "INTERNAL_SERVER_ERROR" },
          },
        ],
      }),
    );
    const user = userEvent.setup();
    renderView();
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't load your favorites.");
    station.failList(null);
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await within(view()).findByText("3 favorites")).toBeInTheDocument();
  });

  it("opens song details from a row", async () => {
    fakeStation();
    const onShowDetails = vi.fn();
    const user = userEvent.setup();
    renderView({ onShowDetails });
    await within(view()).findByText("3 favorites");
    await user.click(within(rows()[2]).getByRole("button", { name: /^Unravel/ }));
    expect(onShowDetails).toHaveBeenCalledWith(expect.objectContaining({ id: 3, title: "Unravel" }));
  });
});
