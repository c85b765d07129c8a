/** Requests on the whole page: the queue line from both sources, a request from the song details, the login prompt. */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, ws } from "msw";
import { describe, expect, it } from "vitest";
import { api, gate, KANA } from "@/features/auth/__tests__/support";
import { loggedIn } from "@/features/auth/auth-store";
import { gatewayUrl } from "@/lib/config";
import { renderApp } from "@/testing/app-session";
import { ACK, type RawSong, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";

const TOKEN = "requests-page.jwt";
const FIRST = rawSong(11, "First Song");
const SECOND = rawSong(12, "Second Song");
const EARLIER = rawSong(22, "Earlier Song");

type SeedQueue = { inQueue: number; inQueueByUser: number; inQueueBeforeUser: number };

/** A seed-dialect frame: the song and the authenticated socket's `queue`. */
function seedFrame(song: RawSong, queue: SeedQueue | null) {
  const frame = JSON.parse(trackUpdate(song, { lastPlayed: [EARLIER] })) as { d: Record<string, unknown> };
  if (queue) frame.d.queue = queue;
  return JSON.stringify(frame);
}

/** A page whose gateway sends `first`, and whose GraphQL answers the queue counters from `answers`. */
function fakeStation(first: SeedQueue | null) {
  const answers = { queue: 13, userQueue: { amount: 1, before: 11 } };
  const asked = { queue: 0, userQueue: 0, requestSong: [] as unknown[] };
  let hold: Promise<void> | null = null;
  let send: (frame: string) => void = () => {};
  server.use(
    ws.link(gatewayUrl("jpop")).addEventListener("connection", ({ client }) => {
      send = (frame) => client.send(frame);
      client.send(welcome());
      client.send(seedFrame(FIRST, first));
      client.addEventListener("message", (e) => {
        if (String(e.data) === '{"op":9}') client.send(ACK);
      });
    }),
    api.query("PlayHistoryQuery", () => HttpResponse.json({ data: { playStatistics: { songs: [] } } })),
    api.query("user", () => HttpResponse.json({ data: { user: KANA } })),
    api.query("checkFavorite", () => HttpResponse.json({ data: { checkFavorite: [] } })),
    api.query("queue", async () => {
      asked.queue++;
      if (hold) await hold;
      return HttpResponse.json({ data: { queue: answers.queue } });
    }),
    api.query("userQueue", async ({ request }) => {
      asked.userQueue++;
      if (hold) await hold;
      if (request.headers.get("Authorization") !== `Bearer ${TOKEN}`)
        return HttpResponse.json({ data: null, errors: [{ message: "Invalid authorization." }] });
      return HttpResponse.json({ data: { userQueue: answers.userQueue } });
    }),
    api.mutation("requestSong", ({ variables }) => {
      asked.requestSong.push(variables);
      answers.userQueue = { amount: 1, before: 0 };
      return HttpResponse.json({ data: { requestSong: EARLIER } });
    }),
  );
  return {
    answers,
    asked,
    send: (frame: string) => send(frame),
    holdGraphql() {
      const g = gate();
      hold = g.opened;
      return () => {
        hold = null;
        g.open();
      };
    },
  };
}

const queueLine = () => screen.getByRole("region", { name: "Request queue" });
/** These tests open the song details and the login, whose code loads on demand: slow on a busy machine. */
const LAZY_CHUNKS_MS = 20_000;

/** Opens the details of a song that played before and presses its Request button; the dialog stays open. */
async function requestFromHistory(user: ReturnType<typeof userEvent.setup>) {
  const history = await screen.findByRole("region", { name: "History" });
  await user.click(await within(history).findByRole("button", { name: /Earlier Song/ }));
  const dialog = await screen.findByRole("dialog", { name: "Earlier Song" });
  await user.click(await within(dialog).findByRole("button", { name: "Request Earlier Song" }));
  return dialog;
}

describe("the queue line on the page", () => {
  it("shows the seed gateway's queue, then GraphQL's fresher answer, then a newer frame's", async () => {
    const station = fakeStation({ inQueue: 12, inQueueByUser: 0, inQueueBeforeUser: 0 });
    loggedIn(TOKEN, false);
    renderApp();
    await screen.findByRole("heading", { name: "First Song" });
    // GraphQL answered after the frame: its counts win.
    await waitFor(() => expect(queueLine()).toHaveTextContent("13 songs queued"));
    await waitFor(() =>
      expect(queueLine()).toHaveTextContent("1 of your requests is queued; the next plays after 11 songs"),
    );

    // A track change: the frame arrives while GraphQL is held, so the frame is the fresher word.
    const release = station.holdGraphql();
    station.answers.queue = 9;
    station.answers.userQueue = { amount: 2, before: 4 };
    station.send(seedFrame(SECOND, { inQueue: 10, inQueueByUser: 1, inQueueBeforeUser: 0 }));
    await screen.findByRole("heading", { name: "Second Song" });
    await waitFor(() => expect(queueLine()).toHaveTextContent("10 songs queued"));
    expect(queueLine()).toHaveTextContent("Your song is next!");

    // The refetch the track change asked for lands later: now GraphQL is the fresher.
    release();
    await waitFor(() => expect(queueLine()).toHaveTextContent("9 songs queued"));
    expect(queueLine()).toHaveTextContent("2 of your requests are queued; the next plays after 4 songs");
  });

  it("shows GraphQL's line against production, where the gateway sends no queue", async () => {
    fakeStation(null);
    loggedIn(TOKEN, false);
    renderApp();
    await waitFor(() => expect(queueLine()).toHaveTextContent("13 songs queued"));
    expect(queueLine()).toHaveTextContent("1 of your requests is queued; the next plays after 11 songs");
  });

  it("shows only the station's length when logged out, and does not ask userQueue", async () => {
    const station = fakeStation(null);
    renderApp();
    await waitFor(() => expect(queueLine()).toHaveTextContent("13 songs queued"));
    expect(queueLine()).not.toHaveTextContent(/your/);
    expect(station.asked.userQueue).toBe(0);
  });

  it(
    "asks again after a request and shows where the song is",
    async () => {
      const station = fakeStation(null);
      loggedIn(TOKEN, false);
      const user = userEvent.setup();
      renderApp();
      const dialog = await requestFromHistory(user);
      await within(dialog).findByRole("button", { name: "Requested Earlier Song" });
      expect(station.asked.requestSong).toEqual([{ id: 22, kpop: false }]);
      await waitFor(() =>
        expect(
          screen
            .getAllByRole("status")
            .some((s) => s.textContent === "Requested Earlier Song — it plays next."),
        ).toBe(true),
      );
      await waitFor(() => expect(queueLine()).toHaveTextContent("Your song is next!"));
    },
    LAZY_CHUNKS_MS,
  );
});

describe("requesting while logged out", () => {
  it(
    "offers to log in, and the login dialog opens",
    async () => {
      fakeStation(null);
      const user = userEvent.setup();
      renderApp();
      const dialog = await requestFromHistory(user);
      const alert = await screen.findByRole("alert");
      expect(alert).toHaveTextContent("Couldn't request Earlier Song. Log in to request songs.");
      await user.click(within(dialog).getByRole("button", { name: /close/i }));
      await user.click(within(alert).getByRole("button", { name: "Log in" }));
      // The login dialog's code loads on demand.
      expect(await screen.findByRole("dialog", { name: /^Log in/ }, { timeout: 5_000 })).toBeInTheDocument();
    },
    LAZY_CHUNKS_MS,
  );
});
