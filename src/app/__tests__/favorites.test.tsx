import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, ws } from "msw";
import { describe, expect, it } from "vitest";
import { api, gate, KANA } from "@/features/auth/__tests__/support";
import { getAuthToken, loggedIn } from "@/features/auth/auth-store";
import { locationChanged } from "@/features/station/station-store";
import { gatewayUrl } from "@/lib/config";
import { renderApp } from "@/testing/app-session";
import { ACK, type RawSong, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";

const TOKEN = "favorites.jwt";
const NOW = rawSong(11, "Now Playing Song");
const HISTORY = [rawSong(22, "Earlier Song"), rawSong(33, "Even Earlier Song")];

/** A tiny LISTEN.moe: the gateway playing NOW after HISTORY, one user's favorites, checkFavorite, the toggle, the count. */
function fakeStation(initial: number[], song: RawSong & { favorite?: boolean } = NOW) {
  const favorites = new Set(initial);
  const log = { check: [] as number[][], toggle: [] as number[] };
  let holdToggle: Promise<void> | null = null;
  let failToggle = false;
  let revoked = false;
  let offline = false;
  const authorized = (request: Request) =>
    !revoked && request.headers.get("Authorization") === `Bearer ${TOKEN}`;
  const DENIED = { data: null, errors: [{ message: "Invalid authorization." }] };
  server.use(
    ws.link(gatewayUrl("jpop")).addEventListener("connection", ({ client }) => {
      client.send(welcome());
      client.send(trackUpdate(song, { lastPlayed: HISTORY }));
      client.addEventListener("message", (e) => {
        if (String(e.data) === '{"op":9}') client.send(ACK);
      });
    }),
    api.operation(() => (offline ? HttpResponse.error() : undefined)),
    api.query("PlayHistoryQuery", () => HttpResponse.json({ data: { playStatistics: { songs: [] } } })),
    api.query("user", ({ request }) => {
      if (!authorized(request)) return HttpResponse.json(DENIED);
      return HttpResponse.json({ data: { user: { ...KANA, favorites: { count: favorites.size } } } });
    }),
    api.query("checkFavorite", ({ request, variables }) => {
      if (!authorized(request)) return HttpResponse.json(DENIED);
      const songs = variables.songs as number[];
      log.check.push(songs);
      return HttpResponse.json({ data: { checkFavorite: songs.filter((id) => favorites.has(id)) } });
    }),
    api.mutation("favoriteSong", async ({ request, variables }) => {
      if (!authorized(request)) return HttpResponse.json(DENIED);
      const id = variables.id as number;
      log.toggle.push(id);
      if (holdToggle) await holdToggle;
      if (offline) return HttpResponse.error();
      if (failToggle) return HttpResponse.json({ errors: [{ message: "boom" }] }, { status: 500 });
      if (favorites.has(id)) favorites.delete(id);
      else favorites.add(id);
      return HttpResponse.json({ data: { favoriteSong: { id } } });
    }),
  );
  return {
    favorites,
    log,
    hold() {
      const g = gate();
      holdToggle = g.opened;
      return g.open;
    },
    failToggles() {
      failToggle = true;
    },
    goOffline() {
      offline = true;
    },
    revokeToken() {
      revoked = true;
    },
  };
}

const heart = (title: string) => screen.getByRole("button", { name: `Favorite ${title}` });
const findHeart = (title: string) => screen.findByRole("button", { name: `Favorite ${title}` });

async function countShows(text: string) {
  const account = await screen.findByRole("region", { name: "Account" });
  expect(await within(account).findByText(text)).toBeInTheDocument();
}

async function openPage(station: ReturnType<typeof fakeStation>) {
  loggedIn(TOKEN, false);
  renderApp();
  await findHeart("Even Earlier Song");
  await waitFor(() => expect(station.log.check.length).toBeGreaterThan(0));
}

describe("favorites on the page", () => {
  it("checks the current and history songs in one batched request", async () => {
    const station = fakeStation([22]);
    await openPage(station);
    await waitFor(() => expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "true"));
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "false");
    expect(heart("Even Earlier Song")).toHaveAttribute("aria-pressed", "false");
    expect(station.log.check).toEqual([[11, 22, 33]]);
  });

  it("takes the seed gateway's flag over checkFavorite, and a toggle over the flag", async () => {
    const user = userEvent.setup();
    // The gateway says favorite; checkFavorite would say no. The flag must win, and not even be asked.
    const station = fakeStation([], { ...NOW, favorite: true });
    await openPage(station);
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
    expect(station.log.check).toEqual([[22, 33]]);

    await user.click(heart("Now Playing Song"));
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "false");
    await waitFor(() => expect(station.log.toggle).toEqual([11]));
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "false");
  });

  it("is absent when nobody is logged in", async () => {
    fakeStation([22]);
    renderApp();
    await screen.findByRole("heading", { name: "Now Playing Song" });
    await screen.findByRole("button", { name: "Log in" });
    expect(screen.queryByRole("button", { name: /^Favorite/ })).not.toBeInTheDocument();
  });

  it("flips at once, then the count follows the server and the heart is checked again", async () => {
    const user = userEvent.setup();
    const station = fakeStation([22]);
    await openPage(station);
    await countShows("1 favorite");

    const release = station.hold();
    await user.click(heart("Now Playing Song"));
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
    expect(heart("Now Playing Song")).toHaveAttribute("aria-busy", "true");
    expect(station.favorites.has(11)).toBe(false);

    release();
    await countShows("2 favorites");
    await waitFor(() => expect(station.log.check).toEqual([[11, 22, 33], [11]]));
    expect(station.favorites.has(11)).toBe(true);
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
    expect(heart("Now Playing Song")).not.toHaveAttribute("aria-busy");
  });

  it("rolls back with a message when the server fails the toggle", async () => {
    const user = userEvent.setup();
    const station = fakeStation([22]);
    await openPage(station);
    await waitFor(() => expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "true"));

    station.failToggles();
    const release = station.hold();
    await user.click(heart("Earlier Song"));
    expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "false");

    release();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't remove this song from your favorites. LISTEN.moe ran into a problem on its side.",
    );
    expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "true");
    await countShows("1 favorite");
    expect(station.favorites.has(22)).toBe(true);
  });

  it("rolls back on its own when the network is gone, and stays logged in", async () => {
    const user = userEvent.setup();
    const station = fakeStation([22]);
    await openPage(station);
    await waitFor(() => expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "true"));

    const release = station.hold();
    await user.click(heart("Earlier Song"));
    expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "false");
    station.goOffline();
    release();

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't remove this song from your favorites. Can't reach LISTEN.moe.",
    );
    expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "true");
    expect(getAuthToken()).toBe(TOKEN);
  });

  it("ignores clicks while a toggle for that song is in flight", async () => {
    const user = userEvent.setup();
    const station = fakeStation([]);
    await openPage(station);

    const release = station.hold();
    await user.dblClick(heart("Now Playing Song"));
    await user.click(heart("Now Playing Song"));
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "true");

    release();
    await waitFor(() => expect(station.log.check).toHaveLength(2));
    expect(station.log.toggle).toEqual([11]);
    expect(station.favorites.has(11)).toBe(true);
    expect(heart("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
  });

  it("logs out when the server no longer accepts the token", async () => {
    const user = userEvent.setup();
    const station = fakeStation([]);
    await openPage(station);
    await countShows("0 favorites");

    station.revokeToken();
    await user.click(heart("Now Playing Song"));

    expect(await screen.findByRole("alert")).toHaveTextContent("Your session expired — log in again.");
    expect(screen.queryByRole("button", { name: /^Favorite/ })).not.toBeInTheDocument();
    expect(getAuthToken()).toBeNull();
  });
});

/** The favorites list as the station gives it, from the same set the toggle changes. */
function listHandler(station: ReturnType<typeof fakeStation>) {
  const songs = new Map([NOW, ...HISTORY].map((song) => [song.id, song]));
  server.use(
    api.query("userFavorites", () => {
      const favorites = [...station.favorites].map((id, i) => ({
        createdAt: String(Date.UTC(2026, 0, 10 - i)),
        song: songs.get(id) ?? rawSong(id, `Song ${id}`),
      }));
      return HttpResponse.json({ data: { user: { favorites: { favorites, count: favorites.length } } } });
    }),
  );
}

describe("the favorites view in the page", () => {
  it("opens from the header link and from the account's count, without a page load, and leads back", async () => {
    const user = userEvent.setup();
    const station = fakeStation([22, 33]);
    listHandler(station);
    await openPage(station);
    const link = screen.getByRole("link", { name: "Favorites" });
    expect(link).toHaveAttribute("href", "/favorites");
    await user.click(link);
    expect(location.pathname).toBe("/favorites");
    const view = await screen.findByRole("region", { name: "Favorites" });
    expect(await within(view).findByText("2 favorites")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Favorites" })).toHaveAttribute("aria-current", "page");
    expect(within(view).getAllByRole("listitem")).toHaveLength(2);

    await user.click(within(view).getByRole("link", { name: "Back to now playing" }));
    expect(location.pathname).toBe("/");
    expect(await screen.findByRole("region", { name: "Now playing" })).toBeInTheDocument();

    const account = screen.getByRole("region", { name: "Account" });
    await user.click(await within(account).findByRole("link", { name: "2 favorites" }));
    expect(location.pathname).toBe("/favorites");
    expect(await screen.findByRole("region", { name: "Favorites" })).toBeInTheDocument();
  });

  it("shares the hearts: a song unfavorited in the list is off on now playing's history too", async () => {
    const user = userEvent.setup();
    const station = fakeStation([22]);
    listHandler(station);
    await openPage(station);
    await waitFor(() => expect(heart("Earlier Song")).toHaveAttribute("aria-pressed", "true"));
    await user.click(screen.getByRole("link", { name: "Favorites" }));
    const view = await screen.findByRole("region", { name: "Favorites" });
    await user.click(await within(view).findByRole("button", { name: "Favorite Earlier Song" }));
    expect(
      await within(view).findByText("No favorites yet. Tap the heart next to a song to keep it here."),
    ).toBeInTheDocument();
    await waitFor(() => expect(station.favorites.has(22)).toBe(false));
    await user.click(within(view).getByRole("link", { name: "Back to now playing" }));
    expect(await findHeart("Earlier Song")).toHaveAttribute("aria-pressed", "false");
  });

  it("asks to log in at /favorites, opens the login dialog, and has no header link while logged out", async () => {
    const user = userEvent.setup();
    fakeStation([22]);
    // As a page load at /favorites would start.
    history.replaceState(null, "", "/favorites");
    locationChanged(location.pathname);
    renderApp();
    const view = await screen.findByRole("region", { name: "Favorites" });
    expect(screen.queryByRole("link", { name: "Favorites" })).not.toBeInTheDocument();
    expect(within(view).getByRole("status")).toHaveTextContent("Loading your favorites…");
    // Once the page's query client is there the view is drawn again, asking to log in.
    await user.click(await screen.findByRole("button", { name: "Log in to see favorites" }));
    expect(await screen.findByRole("dialog", { name: "Log in to LISTEN.moe" })).toBeInTheDocument();
    history.replaceState(null, "", "/");
  });
});
