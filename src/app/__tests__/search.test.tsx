import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, ws } from "msw";
import { describe, expect, it } from "vitest";
import { api, KANA, meHandler } from "@/features/auth/__tests__/support";
import { loggedIn } from "@/features/auth/auth-store";
import { gatewayUrl } from "@/lib/config";
import { renderApp } from "@/testing/app-session";
import { ACK, type RawSong, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";

const TOKEN = "search.jwt";
const JPOP = [rawSong(1, "Aikatsu Step"), rawSong(2, "Aikotoba"), rawSong(3, "Blue Sky")];
const KPOP = [rawSong(101, "Aiya Seoul")];

function onAir(station: "jpop" | "kpop", song: RawSong) {
  return ws.link(gatewayUrl(station)).addEventListener("connection", ({ client }) => {
    client.send(welcome());
    client.send(trackUpdate(song, { lastPlayed: [] }));
    client.addEventListener("message", (e) => {
      if (String(e.data) === '{"op":9}') client.send(ACK);
    });
  });
}

/** Both stations on air, history empty, `search` over JPOP/KPOP; kana's favorites are `favorites`. */
function fakeStation(favorites: number[] = []) {
  const log = {
    search: [] as { query: string; kpop: boolean; favoritesOnly: boolean }[],
    check: [] as number[][],
  };
  server.use(
    onAir("jpop", rawSong(900, "On Air J")),
    onAir("kpop", rawSong(901, "On Air K")),
    api.query("PlayHistoryQuery", () => HttpResponse.json({ data: { playStatistics: { songs: [] } } })),
    meHandler(TOKEN, KANA),
    api.query("checkFavorite", ({ variables }) => {
      const songs = variables.songs as number[];
      log.check.push(songs);
      return HttpResponse.json({ data: { checkFavorite: songs.filter((id) => favorites.includes(id)) } });
    }),
    api.query("search", ({ variables }) => {
      const call = {
        query: String(variables.query),
        kpop: variables.kpop === true,
        favoritesOnly: variables.favoritesOnly === true,
      };
      log.search.push(call);
      const pool = (call.kpop ? KPOP : JPOP).filter(
        (song) =>
          song.title?.toLowerCase().includes(call.query.toLowerCase()) &&
          (!call.favoritesOnly || favorites.includes(song.id)),
      );
      const search = pool.map((song) =>
        call.favoritesOnly ? { __typename: "Favorite", song } : { __typename: "Song", ...song },
      );
      return HttpResponse.json({ data: { search } });
    }),
  );
  return log;
}

const box = () => screen.getByRole("searchbox", { name: "Search songs" });
const resultTitles = async () => {
  const region = await screen.findByRole("region", { name: "Search results" });
  return within(region)
    .queryAllByRole("listitem")
    .map((item) => item.querySelector("p")?.textContent);
};

describe("search on the page", () => {
  it("sits in the header and finds songs of the station on screen, then of the other tab", async () => {
    const user = userEvent.setup();
    const log = fakeStation();
    renderApp();
    await screen.findByRole("heading", { name: "On Air J" });
    expect(within(screen.getByRole("banner")).getByRole("searchbox", { name: "Search songs" })).toBe(box());

    await user.type(box(), "ai");
    await screen.findByText("2 songs match “ai”");
    expect(await resultTitles()).toEqual(["Aikatsu Step", "Aikotoba"]);

    await user.click(screen.getByRole("tab", { name: "K-pop" }));
    await screen.findByText("1 song matches “ai”");
    expect(await resultTitles()).toEqual(["Aiya Seoul"]);
    expect(log.search.map((c) => c.kpop)).toEqual([false, true]);
  });

  it("focuses with /, and the page's shortcuts pause while typing in it", async () => {
    const user = userEvent.setup();
    fakeStation();
    renderApp();
    await screen.findByRole("heading", { name: "On Air J" });

    await user.keyboard("/");
    expect(box()).toHaveFocus();
    // m mutes and 2 switches to K-pop anywhere else on the page; here they are letters.
    await user.keyboard("m2");
    expect(box()).toHaveValue("m2");
    expect(screen.getByRole("button", { name: "Mute" })).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("tab", { name: "J-pop" })).toHaveAttribute("aria-selected", "true");
  });

  it("logged in: hearts on the results, Favorite answers known without asking, and Favorites only", async () => {
    const user = userEvent.setup();
    const log = fakeStation([2, 3]);
    loggedIn(TOKEN, false);
    renderApp();
    await screen.findByRole("heading", { name: "On Air J" });

    await user.type(box(), "ai");
    await screen.findByText("2 songs match “ai”");
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Favorite Aikotoba" })).toHaveAttribute(
        "aria-pressed",
        "true",
      ),
    );
    expect(screen.getByRole("button", { name: "Favorite Aikatsu Step" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );

    await user.click(screen.getByRole("switch", { name: "Favorites only" }));
    await screen.findByText("1 song matches “ai”");
    expect(await resultTitles()).toEqual(["Aikotoba"]);
    expect(log.search.at(-1)).toEqual({ query: "ai", kpop: false, favoritesOnly: true });
    expect(screen.getByRole("button", { name: "Favorite Aikotoba" })).toHaveAttribute("aria-pressed", "true");

    // A song first met as a Favorite answer is a favorite: no checkFavorite for it.
    await user.clear(box());
    await user.type(box(), "blue");
    await screen.findByText("1 song matches “blue”");
    expect(screen.getByRole("button", { name: "Favorite Blue Sky" })).toHaveAttribute("aria-pressed", "true");
    expect(log.check.flat()).not.toContain(3);
  });

  it("loads the results' code only once the box is used", async () => {
    fakeStation();
    renderApp();
    await screen.findByRole("heading", { name: "On Air J" });
    expect(screen.queryByRole("region", { name: "Search results" })).not.toBeInTheDocument();
    expect(screen.queryByRole("switch")).not.toBeInTheDocument();
  });
});
