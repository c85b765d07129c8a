import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { provideAuthorization } from "@/lib/authorization";
import { createQueryClient } from "@/lib/query-client";
import { api, gate } from "@/testing/graphql-testing";
import { server } from "@/testing/msw-server";
import { CONFIRM_BEFORE_TOGGLE_MS, FAVORITE_STALE_MS, favoriteSongKey } from "../api/favorites";
import { FavoriteButton } from "../components/favorite-button";

const TOKEN = "heart.jwt";
const SESSION = 1;
const SONG = 7;
const TITLE = "Unravel";

let removeAuthorization = () => {};
beforeEach(() => {
  removeAuthorization = provideAuthorization({ token: () => TOKEN, rejected: () => {} });
});
afterEach(() => removeAuthorization());

/** The server's side: whether SONG is a favorite, and every checkFavorite and favoriteSong in order. */
function fakeServer(favorite: boolean) {
  const state = { favorite };
  const calls: ("check" | "toggle")[] = [];
  let heldCheck: Promise<void> | null = null;
  let failingChecks = 0;
  server.use(
    api.query("checkFavorite", async () => {
      calls.push("check");
      if (heldCheck) await heldCheck;
      if (failingChecks > 0) {
        failingChecks--;
        return HttpResponse.error();
      }
      return HttpResponse.json({ data: { checkFavorite: state.favorite ? [SONG] : [] } });
    }),
    api.mutation("favoriteSong", () => {
      calls.push("toggle");
      state.favorite = !state.favorite;
      return HttpResponse.json({ data: { favoriteSong: { id: SONG } } });
    }),
  );
  return {
    state,
    calls,
    holdChecks() {
      const g = gate();
      heldCheck = g.opened;
      return () => {
        heldCheck = null;
        g.open();
      };
    },
    failNextCheck() {
      failingChecks = 1;
    },
  };
}

/** The heart, with the cache holding `cached` (and when it was answered) before it first draws. */
function renderHeart(cached?: { favorite: boolean; age: number }) {
  const client = createQueryClient({ retry: false });
  if (cached)
    client.setQueryData(favoriteSongKey(SESSION, SONG), cached.favorite, {
      updatedAt: Date.now() - cached.age,
    });
  render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <FavoriteButton session={SESSION} songId={SONG} title={TITLE} />
      </QueryClientProvider>
    </StrictMode>,
  );
  return client;
}

const toggleHeart = () => screen.getByRole("button", { name: `Favorite ${TITLE}` });
const findToggleHeart = () => screen.findByRole("button", { name: `Favorite ${TITLE}` });

/** Nothing in flight any more: whatever was going to be sent has been. */
async function settled(client: ReturnType<typeof createQueryClient>) {
  await waitFor(() => expect(client.isMutating() + client.isFetching()).toBe(0));
}

type Wants = "add" | "remove";
const WANTS: Wants[] = ["add", "remove"];
const FRESH = 0;
// Old enough to be confirmed before a toggle, young enough not to be asked again on mount.
const STALE = CONFIRM_BEFORE_TOGGLE_MS + 1_000;

describe("pressing the heart sends a toggle only when its result is known", () => {
  it.each(WANTS)(
    "check loading, wants %s: the heart says it is checking, and a press sends nothing",
    async (wants) => {
      const next = wants === "add";
      // The dangerous case: the server already holds what the person wants; a blind toggle would undo it.
      const station = fakeServer(next);
      const release = station.holdChecks();
      const user = userEvent.setup();
      const client = renderHeart();

      const heart = await screen.findByRole("button", { name: `Checking whether ${TITLE} is a favorite…` });
      expect(heart).toHaveAttribute("aria-disabled", "true");
      expect(heart).not.toHaveAttribute("aria-pressed");
      // aria-disabled, not disabled: it stays in the tab order so its state can be read.
      await user.tab();
      expect(heart).toHaveFocus();
      await user.click(heart);
      await user.keyboard("{Enter}");

      release();
      expect(await findToggleHeart()).toHaveAttribute("aria-pressed", String(next));
      await settled(client);
      expect(station.calls).toEqual(["check"]);
      expect(station.state.favorite).toBe(next);
    },
  );

  it.each(WANTS)(
    "check failed, wants %s: the heart says so, and a press checks again instead of toggling",
    async (wants) => {
      const next = wants === "add";
      const station = fakeServer(next);
      station.failNextCheck();
      const user = userEvent.setup();
      const client = renderHeart();

      const heart = await screen.findByRole("button", {
        name: `Favorite status of ${TITLE} unavailable — retry`,
      });
      expect(heart).not.toHaveAttribute("aria-pressed");
      expect(heart).not.toHaveAttribute("aria-disabled");
      await user.click(heart);

      expect(await findToggleHeart()).toHaveAttribute("aria-pressed", String(next));
      await settled(client);
      expect(station.calls).toEqual(["check", "check"]);
      expect(station.state.favorite).toBe(next);
    },
  );

  it.each([
    // case, wants, cached age, the server's state (relative to what the person wants), what goes out
    ["cached fresh", "add", FRESH, "as shown", ["toggle", "check"]],
    ["cached fresh", "remove", FRESH, "as shown", ["toggle", "check"]],
    ["cached stale, server agrees", "add", STALE, "as shown", ["check", "toggle", "check"]],
    ["cached stale, server agrees", "remove", STALE, "as shown", ["check", "toggle", "check"]],
    ["cached stale, server differs", "add", STALE, "as wanted", ["check"]],
    ["cached stale, server differs", "remove", STALE, "as wanted", ["check"]],
  ] as const)(
    "%s, wants %s: flips at once, ends as wanted on the server and on screen",
    async (_case, wants, age, serverHolds, calls) => {
      const next = wants === "add";
      const station = fakeServer(serverHolds === "as wanted" ? next : !next);
      const user = userEvent.setup();
      const client = renderHeart({ favorite: !next, age });

      expect(toggleHeart()).toHaveAttribute("aria-pressed", String(!next));
      await user.click(toggleHeart());
      // Optimistic: the heart shows the wish while the server is asked.
      expect(toggleHeart()).toHaveAttribute("aria-pressed", String(next));

      await settled(client);
      expect(station.calls).toEqual(calls);
      expect(station.state.favorite).toBe(next);
      expect(toggleHeart()).toHaveAttribute("aria-pressed", String(next));
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    },
  );

  it("puts back what was shown, sends nothing, and says why when the check before a toggle fails", async () => {
    const station = fakeServer(false);
    station.failNextCheck();
    const user = userEvent.setup();
    const client = renderHeart({ favorite: false, age: STALE });

    await user.click(toggleHeart());
    expect(await screen.findByRole("alert")).toHaveTextContent("Couldn't add this song to your favorites.");
    await settled(client);
    expect(toggleHeart()).toHaveAttribute("aria-pressed", "false");
    expect(station.calls).not.toContain("toggle");
    expect(station.state.favorite).toBe(false);
  });
});

describe("the heart follows changes made elsewhere", () => {
  it.each([
    ["the page is shown again", () => fireEvent(document, new Event("visibilitychange", { bubbles: true }))],
    [
      "the network comes back",
      () => {
        fireEvent(window, new Event("offline"));
        fireEvent(window, new Event("online"));
      },
    ],
  ])("asks again when %s after the answer went stale", async (_when, trigger) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const station = fakeServer(false);
    const client = renderHeart();
    expect(await findToggleHeart()).toHaveAttribute("aria-pressed", "false");
    await settled(client);

    // Favorited on the website or a phone; this page has not been told.
    station.state.favorite = true;
    trigger();
    await settled(client);
    expect(toggleHeart()).toHaveAttribute("aria-pressed", "false");
    expect(station.calls).toEqual(["check"]);

    vi.setSystemTime(Date.now() + FAVORITE_STALE_MS + 1);
    trigger();
    await waitFor(() => expect(toggleHeart()).toHaveAttribute("aria-pressed", "true"));
    expect(station.calls).toEqual(["check", "check"]);
  });
});
