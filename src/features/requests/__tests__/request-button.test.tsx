/** The request buttons and the one outcome region, by role, against MSW. */
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse } from "msw";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { rawSong } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { RandomFavoriteRequest } from "../components/random-favorite-request";
import { RequestButton } from "../components/request-button";
import { RequestOutcome } from "../components/request-outcome";
import { api, gate, logIn, REFUSALS, refusal, renderWithClient } from "./support";

const requestButton = (name = "Request Song 7") => screen.getByRole("button", { name });
const status = () => screen.getByRole("status");
const alert = () => screen.getByRole("alert");

/** A station that answers requestSong (held until `open`, if asked) and userQueue. */
function fakeRequests({ place = { amount: 1, before: 3 }, hold = false } = {}) {
  const sent: unknown[] = [];
  const g = gate();
  let answer: () => Response | Promise<Response> = () =>
    HttpResponse.json({ data: { requestSong: rawSong(7, "Song 7") } });
  server.use(
    api.mutation("requestSong", async ({ variables }) => {
      sent.push(variables);
      if (hold) await g.opened;
      return answer();
    }),
    api.query("userQueue", () => HttpResponse.json({ data: { userQueue: place } })),
  );
  return {
    sent,
    open: g.open,
    answerWith(next: () => Response | Promise<Response>) {
      answer = next;
    },
  };
}

/** A list row that a virtualized list may drop and draw again. */
let setRowShown: (shown: boolean) => void = () => {};
function VirtualRow() {
  const [shown, set] = useState(true);
  setRowShown = set;
  return shown ? <RequestButton songId={7} title="Song 7" station="jpop" /> : null;
}

/** Song 7's Request button and the one outcome region, as a page has them. */
function renderWithOutcome(onLogIn?: () => void) {
  return renderWithClient(
    <>
      <RequestButton songId={7} title="Song 7" station="jpop" />
      <RequestOutcome onLogIn={onLogIn} />
    </>,
  );
}

describe("RequestButton", () => {
  it("is busy while in flight, ignores a second press (also from another button), then reads Requested", async () => {
    logIn();
    const station = fakeRequests({ hold: true });
    const user = userEvent.setup();
    renderWithClient(
      <>
        <RequestButton songId={7} title="Song 7" station="jpop" />
        <RequestButton songId={7} title="Song 7" station="jpop" />
        <RequestOutcome />
      </>,
    );
    const [first, second] = screen.getAllByRole("button", { name: "Request Song 7" });
    await user.click(first);
    await waitFor(() => expect(first).toHaveAttribute("aria-busy", "true"));
    expect(second).toHaveAttribute("aria-busy", "true");
    await user.click(first);
    await user.click(second);
    station.open();
    await waitFor(() => expect(screen.getAllByRole("button", { name: "Requested Song 7" })).toHaveLength(2));
    expect(station.sent).toEqual([{ id: 7, kpop: false }]);
    expect(status()).toHaveTextContent("Requested Song 7 — 3 songs play before it.");
    expect(screen.getAllByRole("button", { name: "Requested Song 7" })[0]).toHaveTextContent("Requested");
    // Done is done: pressing "Requested" asks nothing more.
    await user.click(screen.getAllByRole("button", { name: "Requested Song 7" })[0]);
    expect(station.sent).toHaveLength(1);
  });

  it("ignores a double press within the same moment", async () => {
    logIn();
    const station = fakeRequests({ hold: true });
    renderWithClient(<RequestButton songId={7} title="Song 7" station="kpop" />);
    act(() => {
      requestButton().click();
      requestButton().click();
    });
    station.open();
    await screen.findByRole("button", { name: "Requested Song 7" });
    expect(station.sent).toEqual([{ id: 7, kpop: true }]);
  });

  it.each([
    [{ amount: 1, before: 0 }, "Requested Song 7 — it plays next."],
    [{ amount: 1, before: 1 }, "Requested Song 7 — 1 song plays before it."],
    [
      { amount: 3, before: 2 },
      "Requested Song 7 — 3 of your requests are queued; the next plays after 2 songs.",
    ],
  ])("tells where the song is: %o", async (place, text) => {
    logIn();
    fakeRequests({ place });
    const user = userEvent.setup();
    renderWithOutcome();
    await user.click(requestButton());
    await waitFor(() => expect(status()).toHaveTextContent(text));
  });

  it.each([
    ["the daily limit", () => refusal("requestSong", ...REFUSALS.limit), "All requests used for today."],
    ["a song already queued", () => refusal("requestSong", ...REFUSALS.queued), "Song already queued."],
    [
      "another refusal",
      () => refusal("requestSong", ...REFUSALS.notFound),
      "LISTEN.moe said: No song found.",
    ],
    ["a network failure", () => HttpResponse.error(), "Can't reach LISTEN.moe"],
    ["a server error", () => refusal("requestSong", ...REFUSALS.server), "LISTEN.moe ran into a problem"],
    ["HTTP 503", () => new HttpResponse(null, { status: 503 }), "LISTEN.moe ran into a problem"],
  ] as const)("alerts on %s and loses nothing: the button can be pressed again", async (_, respond, text) => {
    logIn();
    const station = fakeRequests();
    station.answerWith(respond);
    const user = userEvent.setup();
    renderWithOutcome();
    await user.click(requestButton());
    await waitFor(() => expect(alert()).toHaveTextContent(`Couldn't request Song 7. ${text}`));
    expect(status()).toBeEmptyDOMElement();
    expect(requestButton()).not.toHaveAttribute("aria-disabled");
    station.answerWith(() => HttpResponse.json({ data: { requestSong: rawSong(7, "Song 7") } }));
    await user.click(requestButton());
    await screen.findByRole("button", { name: "Requested Song 7" });
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(station.sent).toHaveLength(2);
  });

  it("offers to log in when nobody is logged in", async () => {
    const onLogIn = vi.fn();
    const user = userEvent.setup();
    renderWithOutcome(onLogIn);
    await user.click(requestButton());
    await waitFor(() =>
      expect(alert()).toHaveTextContent("Couldn't request Song 7. Log in to request songs."),
    );
    await user.click(screen.getByRole("button", { name: "Log in" }));
    expect(onLogIn).toHaveBeenCalledOnce();
  });

  it("offers to log in when the server no longer accepts the login", async () => {
    const { rejected } = logIn();
    fakeRequests().answerWith(() => refusal("requestSong", ...REFUSALS.unauthenticated));
    const user = userEvent.setup();
    renderWithOutcome(() => {});
    await user.click(requestButton());
    await waitFor(() => expect(alert()).toHaveTextContent("Log in to request songs."));
    expect(screen.getByRole("button", { name: "Log in" })).toBeInTheDocument();
    expect(rejected).toHaveBeenCalledOnce();
  });

  it("keeps the message and the Requested state when the row is unmounted mid-flight", async () => {
    logIn();
    const station = fakeRequests({ hold: true });
    const user = userEvent.setup();
    renderWithClient(
      <>
        <VirtualRow />
        <RequestOutcome />
      </>,
    );
    await user.click(requestButton());
    act(() => setRowShown(false));
    station.open();
    await waitFor(() => expect(status()).toHaveTextContent("Requested Song 7 — 3 songs play before it."));
    act(() => setRowShown(true));
    expect(screen.getByRole("button", { name: "Requested Song 7" })).toBeInTheDocument();
  });

  it("can dismiss a message", async () => {
    logIn();
    fakeRequests().answerWith(() => refusal("requestSong", ...REFUSALS.limit));
    const user = userEvent.setup();
    renderWithOutcome();
    await user.click(requestButton());
    await waitFor(() => expect(alert()).toHaveTextContent("All requests used for today."));
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});

describe("RandomFavoriteRequest", () => {
  function fakeRandom(respond: () => Response | Promise<Response>) {
    const sent: unknown[] = [];
    const g = gate();
    server.use(
      api.mutation("requestRandomFavorite", async ({ variables }) => {
        sent.push(variables);
        await g.opened;
        return respond();
      }),
      api.query("userQueue", () => HttpResponse.json({ data: { userQueue: { amount: 1, before: 2 } } })),
    );
    return { sent, open: g.open };
  }

  it("is busy while in flight, ignores a second press, and names the song it picked", async () => {
    logIn();
    const station = fakeRandom(() =>
      HttpResponse.json({ data: { requestRandomFavorite: rawSong(9, "Picked Song") } }),
    );
    const user = userEvent.setup();
    renderWithClient(
      <>
        <RandomFavoriteRequest station="kpop" />
        <RequestOutcome />
      </>,
    );
    const button = screen.getByRole("button", { name: "Request a random favorite" });
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    await user.click(button);
    station.open();
    await waitFor(() =>
      expect(status()).toHaveTextContent("Requested Picked Song — 2 songs play before it."),
    );
    expect(button).not.toHaveAttribute("aria-busy");
    expect(station.sent).toEqual([{ kpop: true }]);
  });

  it.each([
    [
      "the daily limit",
      () => refusal("requestRandomFavorite", ...REFUSALS.limit),
      "All requests used for today.",
    ],
    [
      "no favorite left",
      () => refusal("requestRandomFavorite", ...REFUSALS.noFavorite),
      "LISTEN.moe said: No favorite found.",
    ],
    ["a network failure", () => HttpResponse.error(), "Can't reach LISTEN.moe"],
  ] as const)("alerts on %s", async (_, respond, text) => {
    logIn();
    fakeRandom(respond).open();
    const user = userEvent.setup();
    renderWithClient(
      <>
        <RandomFavoriteRequest station="jpop" />
        <RequestOutcome />
      </>,
    );
    await user.click(screen.getByRole("button", { name: "Request a random favorite" }));
    await waitFor(() => expect(alert()).toHaveTextContent(`Couldn't request a random favorite. ${text}`));
  });
});
