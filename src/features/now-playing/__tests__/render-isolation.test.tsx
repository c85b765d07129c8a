import { act, render, screen } from "@testing-library/react";
import { Profiler } from "react";
import { describe, expect, it } from "vitest";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import { ListenerCount } from "../components/listener-count";
import { NowPlayingCard } from "../components/now-playing-card";
import { trackUpdated } from "../now-playing-store";

function push(id: number, listeners: number) {
  act(() =>
    trackUpdated(
      "jpop",
      parsedTrackUpdate(
        trackUpdate(rawSong(id, `Song ${id}`), { listeners, startTime: "2026-11-28T12:00:00Z" }),
      ),
    ),
  );
}

describe("render isolation", () => {
  it("a listener-count-only update commits the count and not the title", () => {
    const commits = { card: 0, listeners: 0 };
    render(
      <>
        <Profiler id="card" onRender={() => commits.card++}>
          <NowPlayingCard station="jpop" />
        </Profiler>
        <Profiler id="listeners" onRender={() => commits.listeners++}>
          <ListenerCount station="jpop" />
        </Profiler>
      </>,
    );
    push(1, 10);
    expect(screen.getByRole("heading", { name: "Song 1" })).toBeInTheDocument();
    const before = { ...commits };

    push(1, 11);
    expect(screen.getByText("11 listeners")).toBeInTheDocument();
    expect(commits.listeners).toBe(before.listeners + 1);
    expect(commits.card).toBe(before.card);

    push(2, 11);
    expect(screen.getByRole("heading", { name: "Song 2" })).toBeInTheDocument();
    expect(commits.card).toBe(before.card + 1);
  });
});
