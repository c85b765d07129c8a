import { act, fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { graphql, HttpResponse, ws } from "msw";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { gatewayUrl } from "@/lib/config";
import { graphqlEndpoint } from "@/lib/graphql-client";
import { renderApp } from "@/testing/app-session";
import { ACK, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";

const jpop = ws.link(gatewayUrl("jpop"));
const kpop = ws.link(gatewayUrl("kpop"));

type Client = { send(data: string): void };

function station(link: typeof jpop, song: ReturnType<typeof rawSong>, open: Set<Client>) {
  return link.addEventListener("connection", ({ client }) => {
    open.add(client);
    client.addEventListener("close", () => open.delete(client));
    client.send(welcome());
    client.send(trackUpdate(song, { listeners: 1234 }));
    client.addEventListener("message", (e) => {
      if (String(e.data) === '{"op":9}') client.send(ACK);
    });
  });
}

const api = graphql.link(graphqlEndpoint());

/** The station's recent plays (GraphQL), by default one song that played ten minutes ago. */
function playHistory(songs: { createdAt: string; song: ReturnType<typeof rawSong> }[]) {
  return api.query("PlayHistoryQuery", () => HttpResponse.json({ data: { playStatistics: { songs } } }));
}

beforeEach(() => {
  server.use(
    playHistory([{ createdAt: String(Date.now() - 10 * 60_000), song: rawSong(77, "Earlier today") }]),
  );
});

describe("the player page", () => {
  it("shows the live song, its people and places, listeners and history", async () => {
    const open = new Set<Client>();
    const song = rawSong(22488, "ベースラインやってる？笑", {
      artists: [
        {
          id: 215,
          name: "ななひら",
          nameRomaji: "Nanahira",
          image: "ななひら_image.jpg",
          characters: [{ id: 403 }],
        },
      ],
      characters: [{ id: 403, name: null, nameRomaji: "Kagami Alice", image: null }],
      albums: [{ id: 4644, name: "ごーいん!", nameRomaji: "Go-in!", image: "ごーいん_cover_jpop.jpg" }],
      sources: [{ id: 507, name: null, nameRomaji: "ReLIFE", image: null }],
      duration: 288,
    });
    server.use(station(jpop, song, open));
    renderApp();

    const nowPlaying = await screen.findByRole("region", { name: "Now playing" });
    expect(within(nowPlaying).getByRole("heading", { name: "ベースラインやってる？笑" })).toBeInTheDocument();
    expect(within(nowPlaying).getByText("Kagami Alice (CV: ななひら)")).toBeInTheDocument();
    expect(within(nowPlaying).getByText("ごーいん!")).toBeInTheDocument();
    expect(within(nowPlaying).getByText("ReLIFE")).toBeInTheDocument();
    expect(within(nowPlaying).getByText("1,234 listeners")).toBeInTheDocument();
    expect(within(nowPlaying).getByRole("img", { name: /Cover of/ })).toHaveAttribute(
      "src",
      `https://cdn.listen.moe/covers/${encodeURIComponent("ごーいん_cover_jpop.jpg")}`,
    );
    const progress = within(nowPlaying).getByRole("progressbar");
    expect(progress).toHaveAttribute("aria-valuemax", "288");
    expect(progress).toHaveAttribute("aria-valuemin", "0");

    const history = screen.getByRole("region", { name: "History" });
    expect(
      within(history)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining("Before"), expect.stringContaining("Long before")]);
    expect(screen.getByRole("status", { name: "Connection" })).toHaveTextContent("Live");
    expect(document.title).toContain("ベースラインやってる？笑");
    expect(open.size).toBe(1);
  });

  it("switches to K-pop with one socket, and shows the cached J-pop song at once on the way back", async () => {
    const jpopOpen = new Set<Client>();
    const kpopOpen = new Set<Client>();
    server.use(
      station(jpop, rawSong(1, "J-pop song"), jpopOpen),
      station(kpop, rawSong(2, "K-pop 노래"), kpopOpen),
    );
    renderApp();
    await screen.findByRole("heading", { name: "J-pop song" });

    await userEvent.click(screen.getByRole("tab", { name: "K-pop" }));
    expect(await screen.findByRole("heading", { name: "K-pop 노래" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "K-pop" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tab", { name: "J-pop" })).toHaveAttribute("aria-selected", "false");
    expect(location.pathname).toBe("/kpop");
    expect(jpopOpen.size).toBe(0);
    expect(kpopOpen.size).toBe(1);

    // A frame from the closed J-pop socket, had it arrived late, could not land on K-pop.
    await userEvent.click(screen.getByRole("tab", { name: "J-pop" }));
    expect(screen.getByRole("heading", { name: "J-pop song" })).toBeInTheDocument();
    expect(location.pathname).toBe("/");
  });

  it("updates the listener count in place when a frame changes nothing else", async () => {
    const open = new Set<Client>();
    server.use(station(jpop, rawSong(1, "Steady"), open));
    renderApp();
    const heading = await screen.findByRole("heading", { name: "Steady" });
    const [client] = [...open];
    await act(async () => client.send(trackUpdate(rawSong(1, "Steady"), { listeners: 1500 })));
    expect(await screen.findByText("1,500 listeners")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Steady" })).toBe(heading);
  });
});

describe("keyboard shortcuts", () => {
  // The page loads its shortcuts as a chunk after the first render; loaded once here, that import
  // resolves from the module cache long before the first song arrives and a key is pressed.
  beforeAll(async () => {
    await import("../keyboard-shortcuts");
  });

  it("switch stations with 1 and 2, mute with M, and list themselves on ?", async () => {
    const open = new Set<Client>();
    server.use(
      station(jpop, rawSong(1, "J-pop song"), open),
      station(kpop, rawSong(2, "K-pop 노래"), new Set()),
    );
    renderApp();
    await screen.findByRole("heading", { name: "J-pop song" });

    await userEvent.keyboard("2");
    expect(await screen.findByRole("heading", { name: "K-pop 노래" })).toBeInTheDocument();
    await userEvent.keyboard("1");
    expect(await screen.findByRole("heading", { name: "J-pop song" })).toBeInTheDocument();

    const mute = screen.getByRole("button", { name: "Mute" });
    await userEvent.keyboard("m");
    expect(mute).toHaveAttribute("aria-pressed", "true");
    await userEvent.keyboard("M");
    expect(mute).toHaveAttribute("aria-pressed", "false");

    await userEvent.keyboard("?");
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(help).getByText("Mute or unmute")).toBeInTheDocument();
    // Inside the dialog, page shortcuts are off: "2" must not switch station.
    await userEvent.keyboard("2");
    expect(screen.getByRole("tab", { name: "J-pop" })).toHaveAttribute("aria-selected", "true");
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("leave Space and the arrow keys to the page and the volume slider; - and + step the volume", async () => {
    server.use(station(jpop, rawSong(1, "J-pop song"), new Set()));
    renderApp();
    await screen.findByRole("heading", { name: "J-pop song" });
    const volume = screen.getByRole<HTMLInputElement>("slider", { name: "Volume" });
    const before = volume.value;

    // fireEvent says false when a listener prevented the default (the page's scroll).
    for (const key of ["ArrowUp", "ArrowDown", "PageDown", " "])
      expect(fireEvent.keyDown(document.body, { key }), key).toBe(true);
    expect(volume.value).toBe(before);
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();

    expect(fireEvent.keyDown(document.body, { key: "-" })).toBe(false);
    expect(Number(volume.value)).toBeLessThan(Number(before));
    expect(fireEvent.keyDown(document.body, { key: "+" })).toBe(false);
    expect(volume.value).toBe(before);
  });

  it("can be turned off in Settings, which stores the choice and the shortcuts list then says", async () => {
    const user = userEvent.setup();
    server.use(
      station(jpop, rawSong(1, "J-pop song"), new Set()),
      station(kpop, rawSong(2, "K-pop 노래"), new Set()),
    );
    renderApp();
    await screen.findByRole("heading", { name: "J-pop song" });

    await user.click(screen.getByRole("button", { name: "Settings" }));
    const settings = await screen.findByRole("dialog", { name: "Settings" });
    const toggle = within(settings).getByRole("checkbox", { name: "Keyboard shortcuts" });
    expect(toggle).toBeChecked();
    expect(toggle).toHaveAccessibleDescription("Single keys such as K, M, 1 and ?; ? lists them all.");
    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    expect(JSON.parse(localStorage.getItem("lm.settings.v2") ?? "{}")).toMatchObject({
      keyboardShortcuts: false,
    });
    await user.keyboard("{Escape}");

    const mute = screen.getByRole("button", { name: "Mute" });
    await user.keyboard("2m?");
    expect(screen.getByRole("tab", { name: "J-pop" })).toHaveAttribute("aria-selected", "true");
    expect(mute).toHaveAttribute("aria-pressed", "false");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Keyboard shortcuts" }));
    const help = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(
      within(help).getByText("Keyboard shortcuts are off. Turn them on in Settings."),
    ).toBeInTheDocument();
    await user.keyboard("{Escape}");

    // Back on, the very next key is a shortcut again.
    await user.click(screen.getByRole("button", { name: "Settings" }));
    await user.click(await screen.findByRole("checkbox", { name: "Keyboard shortcuts" }));
    await user.keyboard("{Escape}");
    await user.keyboard("2");
    expect(await screen.findByRole("heading", { name: "K-pop 노래" })).toBeInTheDocument();
  });
});
