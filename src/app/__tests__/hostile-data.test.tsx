/**
 * No frame, stored value or API answer can blank the page. Arbitrary strings (lone surrogates
 * included) go into every field that reaches a URL or the DOM; a song that fails to draw for any other
 * reason takes down only its region, is dropped from the offline snapshot, and the region comes back
 * with the next good update.
 */
import { act, screen, within } from "@testing-library/react";
import fc from "fast-check";
import { HttpResponse, ws } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { api } from "@/features/auth/__tests__/support";
import { trackUpdated } from "@/features/now-playing/now-playing-store";
import { gatewayUrl } from "@/lib/config";
import type { TrackUpdate } from "@/lib/song";
import { renderApp } from "@/testing/app-session";
import { parsedTrackUpdate, type RawSong, rawSong, trackUpdate } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { restoreSnapshot } from "../offline-snapshot";

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\uD800", "\uDFFF", "a\uD83D", "😀".repeat(200), "%", "../..", ""),
);
const maybeText = fc.option(anyText, { nil: null });
const entity = fc.record({
  id: fc.integer({ min: 1, max: 1e6 }),
  name: maybeText,
  nameRomaji: maybeText,
  image: maybeText,
});

const hostileFrame = fc.record({
  id: fc.integer({ min: 1, max: 1e6 }),
  title: maybeText,
  titleRomaji: maybeText,
  artists: fc.array(entity, { maxLength: 3 }),
  characters: fc.array(entity, { maxLength: 2 }),
  albums: fc.array(entity, { maxLength: 2 }),
  sources: fc.array(entity, { maxLength: 2 }),
  requester: fc.option(fc.record({ uuid: maybeText, username: maybeText, displayName: maybeText }), {
    nil: null,
  }),
  event: fc.option(
    fc.record({ id: fc.integer({ min: 1, max: 9 }), name: maybeText, slug: maybeText, image: maybeText }),
    {
      nil: null,
    },
  ),
  startTime: fc.oneof(
    anyText,
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  ),
});

const nowPlaying = () => screen.getByRole("region", { name: "Now playing" });

beforeEach(() => {
  // A quiet station: the test drives the store itself.
  server.use(
    ws.link(gatewayUrl("jpop")).addEventListener("connection", () => {}),
    api.query("PlayHistoryQuery", () => HttpResponse.json({ data: { playStatistics: { songs: [] } } })),
  );
});

describe("hostile data", () => {
  it("never blanks the page or a region, whatever strings a frame carries", async () => {
    renderApp();
    await fc.assert(
      fc.asyncProperty(hostileFrame, async ({ id, requester, event, startTime, ...song }) => {
        const raw = JSON.parse(trackUpdate(rawSong(id, "x", song as unknown as Partial<RawSong>))) as {
          d: Record<string, unknown>;
        };
        raw.d.requester = requester;
        raw.d.event = event;
        raw.d.startTime = startTime;
        await act(async () => trackUpdated("jpop", parsedTrackUpdate(JSON.stringify(raw))));
        expect(within(nowPlaying()).getByRole("heading", { level: 2 })).toBeInTheDocument();
        expect(screen.queryByText(/^Couldn't show/)).not.toBeInTheDocument();
        expect(screen.getByRole("button", { name: /^(Play|Stop)$/ })).toBeInTheDocument();
      }),
      { numRuns: 25 },
    );
  }, 90_000);

  it("drops a song that fails to draw from the snapshot, and recovers with the next good update", async () => {
    renderApp();
    const good = parsedTrackUpdate(trackUpdate(rawSong(1, "Good song")));
    await act(async () => trackUpdated("jpop", good));
    expect(await within(nowPlaying()).findByRole("heading", { name: "Good song" })).toBeInTheDocument();
    expect(localStorage.getItem("lm.now-playing.v1")).toContain("Good song");

    // A value that throws while drawn: the kind of bug no schema can foresee.
    const broken: TrackUpdate = {
      ...parsedTrackUpdate(trackUpdate(rawSong(2, "Broken song"))),
      startTime: new Date().toISOString(),
    };
    Object.defineProperty(broken.song, "albums", {
      get() {
        throw new Error("cannot draw this");
      },
    });
    await act(async () => trackUpdated("jpop", broken));
    expect(
      await screen.findByText("Couldn't show the song playing now. It will try again with the next update."),
    ).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "History" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    expect(localStorage.getItem("lm.now-playing.v1")).toBeNull();

    await act(async () => trackUpdated("jpop", parsedTrackUpdate(trackUpdate(rawSong(3, "Next song")))));
    expect(await within(nowPlaying()).findByRole("heading", { name: "Next song" })).toBeInTheDocument();
    expect(screen.queryByText(/^Couldn't show/)).not.toBeInTheDocument();
  });

  it("restores a stored snapshot of 30,000 artists as the few a screen can show", () => {
    const song = rawSong(5, "Crowded", {
      artists: Array.from({ length: 30_000 }, (_, i) => ({
        id: i + 1,
        name: `A${i}`,
        nameRomaji: null,
        image: null,
        characters: [],
      })),
    });
    const { d } = JSON.parse(trackUpdate(song)) as { d: unknown };
    localStorage.setItem("lm.now-playing.v1", JSON.stringify({ jpop: { update: d, history: [] } }));
    restoreSnapshot();
    renderApp();
    const credits = within(nowPlaying()).getAllByText(/^A\d+$/);
    expect(credits.length).toBeGreaterThan(0);
    expect(credits.length).toBeLessThanOrEqual(12);
  });
});
