import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Authorization, currentAuthorization, provideAuthorization } from "@/lib/authorization";
import { rawSong } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { SEARCH_PAGE_SIZE } from "../api/search";
import { focusSearchBox } from "../components/search-box";
import { api, fakeSearch, renderSearch, songs } from "./support";

const CATALOGUE = {
  jpop: songs(["Aikatsu Step", "Aikotoba", "Blue Sky", "Aimai Moko"]),
  kpop: songs(["Aiya Seoul", "Bright Night"], 100),
};

const box = () => screen.getByRole("searchbox", { name: "Search songs" });
const results = () => screen.findByRole("region", { name: "Search results" });
const titlesShown = () =>
  screen.queryAllByRole("listitem").map((item) => within(item).getAllByText(/./)[0].textContent);

let pageAuthorization: Authorization | null;
beforeEach(() => {
  pageAuthorization = currentAuthorization();
});
afterEach(() => {
  if (pageAuthorization) provideAuthorization(pageAuthorization);
});

function logInAs(token: string) {
  provideAuthorization({ token: () => token, rejected: () => {} });
}

describe("searching the station's songs", () => {
  it("shows title, artists and album for each song, and counts them in a polite status", async () => {
    fakeSearch(CATALOGUE);
    renderSearch();
    await userEvent.type(box(), "ai");

    const region = await results();
    await waitFor(() => expect(within(region).getByRole("status")).toHaveTextContent("3 songs match “ai”"));
    expect(titlesShown()).toEqual(["Aikatsu Step", "Aikotoba", "Aimai Moko"]);
    const row = within(region).getAllByRole("listitem")[0];
    expect(row).toHaveTextContent("Artist 1");
    expect(row).toHaveTextContent("Album of Aikatsu Step");
    expect(within(row).getByRole("button", { name: "Request Aikatsu Step" })).toBeInTheDocument();
  });

  it("shows nothing for a blank query, and asks nothing", async () => {
    const search = fakeSearch(CATALOGUE);
    renderSearch();
    await userEvent.type(box(), "   ");
    expect(screen.queryByRole("region", { name: "Search results" })).not.toBeInTheDocument();
    expect(search.calls).toEqual([]);
  });

  it("says so when nothing matches", async () => {
    fakeSearch(CATALOGUE);
    renderSearch();
    await userEvent.type(box(), "zzz");
    const region = await results();
    await waitFor(() =>
      expect(within(region).getByRole("status")).toHaveTextContent("No songs match “zzz”."),
    );
    expect(within(region).queryByRole("listitem")).not.toBeInTheDocument();
  });

  it("waits for typing to pause: the letters typed in a burst go out as one search", async () => {
    const search = fakeSearch(CATALOGUE);
    renderSearch();
    await userEvent.type(box(), "ai");
    await waitFor(() => expect(search.calls.map((c) => c.query)).toEqual(["ai"]));
    await userEvent.type(box(), "katsu");
    await screen.findByText("1 song matches “aikatsu”");
    // Never "aik", "aika"…: only what was in the box when typing paused.
    expect(search.calls.map((c) => c.query)).toEqual(["ai", "aikatsu"]);
  });

  it("never shows a late answer to an older query, and cancels the older request", async () => {
    const search = fakeSearch(CATALOGUE);
    renderSearch();
    const releaseOld = search.hold("ai");
    await userEvent.type(box(), "ai");
    await waitFor(() => expect(search.calls.map((c) => c.query)).toEqual(["ai"]));

    await userEvent.type(box(), "kotoba");
    await screen.findByText("1 song matches “aikotoba”");
    expect(titlesShown()).toEqual(["Aikotoba"]);
    expect(search.calls[0].aborted()).toBe(true);

    // The old answer arrives now, after the new one: it must change nothing on screen.
    await act(async () => {
      releaseOld();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(titlesShown()).toEqual(["Aikotoba"]);
    expect(screen.getByRole("status")).toHaveTextContent("1 song matches “aikotoba”");
  });

  it("searches the station of the current tab, and again when the tab changes", async () => {
    const search = fakeSearch(CATALOGUE);
    const view = renderSearch({ station: "jpop" });
    await userEvent.type(box(), "ai");
    await screen.findByText("3 songs match “ai”");
    expect(screen.getByRole("heading", { name: "J-pop songs" })).toBeInTheDocument();

    view.switchStation("kpop");
    await screen.findByText("1 song matches “ai”");
    expect(titlesShown()).toEqual(["Aiya Seoul"]);
    expect(screen.getByRole("heading", { name: "K-pop songs" })).toBeInTheDocument();
    expect(search.calls.map((c) => [c.query, c.kpop])).toEqual([
      ["ai", false],
      ["ai", true],
    ]);
  });

  it("pages with Show more while the server fills each page", async () => {
    const many = Array.from({ length: SEARCH_PAGE_SIZE + 5 }, (_, i) => rawSong(i + 1, `Song ${i + 1}`));
    const search = fakeSearch({ jpop: many, kpop: [] });
    renderSearch();
    await userEvent.type(box(), "song");
    await screen.findByText(`The first ${SEARCH_PAGE_SIZE} songs that match “song”`);
    expect(screen.getAllByRole("listitem")).toHaveLength(SEARCH_PAGE_SIZE);

    await userEvent.click(screen.getByRole("button", { name: "Show more results" }));
    await screen.findByText(`${SEARCH_PAGE_SIZE + 5} songs match “song”`);
    expect(screen.getAllByRole("listitem")).toHaveLength(SEARCH_PAGE_SIZE + 5);
    expect(screen.queryByRole("button", { name: "Show more results" })).not.toBeInTheDocument();
    expect(search.calls.map((c) => [c.offset, c.limit])).toEqual([
      [0, SEARCH_PAGE_SIZE],
      [SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE],
    ]);
  });

  it("Escape clears the text first, then closes", async () => {
    fakeSearch(CATALOGUE);
    renderSearch();
    await userEvent.type(box(), "ai");
    await results();
    await userEvent.keyboard("{Escape}");
    expect(box()).toHaveValue("");
    expect(box()).toHaveFocus();
    expect(screen.queryByRole("region", { name: "Search results" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(box()).toHaveFocus();
  });

  it("goes away when the page below is used, and comes back with the text when the box is", async () => {
    fakeSearch(CATALOGUE);
    renderSearch();
    const outside = document.body.appendChild(document.createElement("button"));
    outside.textContent = "Elsewhere";
    try {
      await userEvent.type(box(), "ai");
      await screen.findByText("3 songs match “ai”");
      await userEvent.click(outside);
      expect(screen.queryByRole("region", { name: "Search results" })).not.toBeInTheDocument();

      await userEvent.click(box());
      expect(await screen.findByText("3 songs match “ai”")).toBeInTheDocument();
      // Tabbing on past the results into the page puts them away too.
      outside.focus();
      await waitFor(() =>
        expect(screen.queryByRole("region", { name: "Search results" })).not.toBeInTheDocument(),
      );
      expect(box()).toHaveValue("ai");
    } finally {
      outside.remove();
    }
  });

  it("puts the cursor in the box when asked (the / shortcut)", async () => {
    renderSearch();
    act(() => focusSearchBox());
    expect(box()).toHaveFocus();
  });

  it("says it is searching until the page's queries are ready", async () => {
    renderSearch({ ready: false });
    await userEvent.type(box(), "ai");
    expect(within(await results()).getByRole("status")).toHaveTextContent("Searching for “ai”…");
  });
});

describe("the search union", () => {
  it("reads Songs and Favorites, marks Favorites as favorited, and drops what it cannot read", async () => {
    const [song, favorite] = songs(["Aikatsu Step", "Aikotoba"]);
    fakeSearch(CATALOGUE, () => ({
      data: {
        search: [
          { __typename: "Song", ...song },
          null,
          { __typename: "Album", id: 9, name: "Aikatsu Best" },
          { __typename: "Song", title: "No id" },
          { __typename: "Favorite", createdAt: "1700000000000", song: favorite },
          { __typename: "Favorite", createdAt: "1700000000000", song: null },
        ],
      },
    }));
    renderSearch();
    await userEvent.type(box(), "ai");
    await screen.findByText("2 songs match “ai”");
    expect(titlesShown()).toEqual(["Aikatsu Step", "Aikotoba"]);
    expect(screen.getByRole("button", { name: "Favorite Aikatsu Step" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    expect(screen.getByRole("button", { name: "Favorite Aikotoba" })).toHaveAttribute("aria-pressed", "true");
  });

  it("selects both members with inline fragments and the same song fields", async () => {
    let document = "";
    fakeSearch(CATALOGUE);
    server.events.on("request:start", async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string };
      document ||= body.query ?? "";
    });
    renderSearch();
    await userEvent.type(box(), "ai");
    await screen.findByText("3 songs match “ai”");
    server.events.removeAllListeners();
    expect(document).toMatch(/\.\.\. on Song \{[^}]*titleRomaji/);
    expect(document).toMatch(/\.\.\. on Favorite \{\s*song \{[^}]*titleRomaji/);
  });
});

describe("favorites only", () => {
  it("is offered only to someone logged in", async () => {
    fakeSearch(CATALOGUE);
    renderSearch({ session: null });
    await userEvent.type(box(), "ai");
    await results();
    expect(screen.queryByRole("switch", { name: "Favorites only" })).not.toBeInTheDocument();
  });

  it("asks for the listener's favorites, as the listener, and says when none match", async () => {
    logInAs("kana.jwt");
    const search = fakeSearch(CATALOGUE);
    renderSearch({ session: 1 });
    await userEvent.type(box(), "ai");
    await screen.findByText("3 songs match “ai”");

    const toggle = screen.getByRole("switch", { name: "Favorites only" });
    expect(toggle).toHaveAttribute("aria-checked", "false");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-checked", "true");
    await waitFor(() => expect(search.calls.at(-1)?.favoritesOnly).toBe(true));
    expect(search.calls.at(-1)?.authorization).toBe("Bearer kana.jwt");
    await screen.findByText("3 songs match “ai”");
    for (const heart of screen.getAllByRole("button", { name: /^Favorite / }))
      expect(heart).toHaveAttribute("aria-pressed", "true");

    await userEvent.clear(box());
    await userEvent.type(box(), "zzz");
    await screen.findByText("None of your favorites match “zzz”.");
  });
});

describe("errors", () => {
  // The production envelope: HTTP 200, `errors` with the field's path and a code, data nulled.
  const envelope = (message: string, code: string) => ({
    data: null,
    errors: [{ message, path: ["search"], extensions: { code } }],
  });

  it.each([
    [
      "a refusal, in the server's words",
      envelope("Query too short.", "BAD_USER_INPUT"),
      "LISTEN.moe said: Query too short.",
    ],
    [
      "an internal error",
      envelope("Internal server error", "INTERNAL_SERVER_ERROR"),
      "LISTEN.moe ran into a problem on its side.",
    ],
  ])("shows %s with Retry, which searches again", async (_name, body, text) => {
    let fail = true;
    const search = fakeSearch(CATALOGUE, () => (fail ? body : undefined));
    renderSearch();
    await userEvent.type(box(), "ai");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The search did not work.");
    expect(alert).toHaveTextContent(text);
    expect(screen.queryByRole("listitem")).not.toBeInTheDocument();

    fail = false;
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await screen.findByText("3 songs match “ai”");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(search.calls).toHaveLength(2);
  });

  it("says the network is down when the request cannot be made", async () => {
    server.use(api.query("search", () => HttpResponse.error()));
    renderSearch();
    await userEvent.type(box(), "ai");
    expect(await screen.findByRole("alert")).toHaveTextContent("Can't reach LISTEN.moe");
  });
});
