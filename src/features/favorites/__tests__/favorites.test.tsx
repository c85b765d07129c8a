import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { api, gate, KANA, renderWithClient } from "@/features/auth/__tests__/support";
import { getAuthToken, loggedIn, resetAuthStore } from "@/features/auth/auth-store";
import { AccountArea } from "@/features/auth/components/account-area";
import { server } from "@/testing/msw-server";
import { FavoriteButton } from "../components/favorite-button";
import { resetFavoritesStore } from "../favorites-store";
import { useFavoriteStates } from "../hooks/use-favorites";

const TOKEN = "favorites.jwt";

afterEach(() => {
  resetAuthStore();
  resetFavoritesStore();
});

/** A tiny LISTEN.moe: one user's favorites, checkFavorite, the favoriteSong toggle and the count. */
function fakeServer(initial: number[]) {
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
    api.operation(() => (offline ? HttpResponse.error() : undefined)),
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

const SONGS = [
  { id: 11, title: "Now Playing Song" },
  { id: 22, title: "Earlier Song" },
  { id: 33, title: "Even Earlier Song" },
];

function Page({ ids = SONGS.map((s) => s.id) }: { ids?: number[] }) {
  useFavoriteStates(ids);
  return (
    <>
      <AccountArea />
      {SONGS.map((song) => (
        <FavoriteButton key={song.id} songId={song.id} title={song.title} />
      ))}
    </>
  );
}

const button = (title: string) => screen.getByRole("button", { name: `Favorite ${title}` });

async function countShows(text: string) {
  const account = await screen.findByRole("region", { name: "Account" });
  expect(await within(account).findByText(text)).toBeInTheDocument();
}

describe("favorites", () => {
  it("checks the current and history songs in one batched request", async () => {
    loggedIn(TOKEN, false);
    const station = fakeServer([22]);
    renderWithClient(<Page ids={[33, 11, 22, 11]} />);

    await waitFor(() => expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "true"));
    expect(button("Now Playing Song")).toHaveAttribute("aria-pressed", "false");
    expect(button("Even Earlier Song")).toHaveAttribute("aria-pressed", "false");
    expect(station.log.check).toEqual([[11, 22, 33]]);
  });

  it("uses the gateway's flag when it has one", async () => {
    loggedIn(TOKEN, false);
    fakeServer([]);
    renderWithClient(<FavoriteButton songId={44} title="Flagged Song" initialFavorite />);
    expect(button("Flagged Song")).toHaveAttribute("aria-pressed", "true");
  });

  it("is absent when nobody is logged in", () => {
    renderWithClient(<FavoriteButton songId={11} title="Now Playing Song" initialFavorite={false} />);
    expect(screen.queryByRole("button", { name: /favorite/i })).not.toBeInTheDocument();
  });

  it("flips at once, moves the header count along, and reconciles with the server", async () => {
    const user = userEvent.setup();
    loggedIn(TOKEN, false);
    const station = fakeServer([22]);
    renderWithClient(<Page />);
    await countShows("1 favorite");
    await waitFor(() => expect(station.log.check).toHaveLength(1));

    const release = station.hold();
    await user.click(button("Now Playing Song"));
    expect(button("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
    await countShows("2 favorites");
    expect(station.favorites.has(11)).toBe(false);

    release();
    await waitFor(() => expect(station.log.check).toEqual([[11, 22, 33], [11]]));
    expect(station.favorites.has(11)).toBe(true);
    expect(button("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
    await countShows("2 favorites");
  });

  it("rolls back with a message when the server fails the toggle", async () => {
    const user = userEvent.setup();
    loggedIn(TOKEN, false);
    const station = fakeServer([22]);
    renderWithClient(<Page />);
    await countShows("1 favorite");
    await waitFor(() => expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "true"));

    station.failToggles();
    const release = station.hold();
    await user.click(button("Earlier Song"));
    expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "false");
    await countShows("0 favorites");

    release();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't remove this song from your favorites. LISTEN.moe ran into a problem on its side.",
    );
    expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "true");
    await countShows("1 favorite");
    expect(station.favorites.has(22)).toBe(true);
  });

  it("rolls back the button and the count on its own when the network is gone", async () => {
    const user = userEvent.setup();
    loggedIn(TOKEN, false);
    const station = fakeServer([22]);
    renderWithClient(<Page />);
    await countShows("1 favorite");
    await waitFor(() => expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "true"));

    const release = station.hold();
    await user.click(button("Earlier Song"));
    expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "false");
    await countShows("0 favorites");
    station.goOffline();
    release();

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't remove this song from your favorites. Can't reach LISTEN.moe.",
    );
    expect(button("Earlier Song")).toHaveAttribute("aria-pressed", "true");
    await countShows("1 favorite");
    expect(getAuthToken()).toBe(TOKEN);
  });

  it("ignores clicks while a toggle for that song is in flight", async () => {
    const user = userEvent.setup();
    loggedIn(TOKEN, false);
    const station = fakeServer([]);
    renderWithClient(<Page />);
    await waitFor(() => expect(station.log.check).toHaveLength(1));

    const release = station.hold();
    await user.dblClick(button("Now Playing Song"));
    await user.click(button("Now Playing Song"));
    expect(button("Now Playing Song")).toHaveAttribute("aria-pressed", "true");

    release();
    await waitFor(() => expect(station.log.check).toHaveLength(2));
    expect(station.log.toggle).toEqual([11]);
    expect(station.favorites.has(11)).toBe(true);
    expect(button("Now Playing Song")).toHaveAttribute("aria-pressed", "true");
  });

  it("logs out when the server no longer accepts the token", async () => {
    const user = userEvent.setup();
    loggedIn(TOKEN, true);
    const station = fakeServer([]);
    renderWithClient(<Page />);
    await countShows("0 favorites");

    station.revokeToken();
    await user.click(button("Now Playing Song"));

    expect(await screen.findByRole("alert")).toHaveTextContent("Your session expired — log in again.");
    expect(screen.queryByRole("button", { name: /^Favorite/ })).not.toBeInTheDocument();
    expect(getAuthToken()).toBeNull();
  });
});
