/** The requester's name links to their LISTEN.moe profile, whatever the name holds. */
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { profileUrl } from "@/lib/song";
import { parsedTrackUpdate, rawSong, trackUpdate } from "@/testing/fixtures";
import { NowPlayingCard } from "../components/now-playing-card";
import { trackUpdated } from "../now-playing-store";

function playRequestedBy(requester: unknown) {
  const frame = JSON.parse(trackUpdate(rawSong(5, "Requested Song"))) as { d: Record<string, unknown> };
  frame.d.requester = requester;
  trackUpdated("jpop", parsedTrackUpdate(JSON.stringify(frame)));
  render(<NowPlayingCard station="jpop" />);
  return screen.getByRole("region", { name: "Now playing" });
}

/** Names a listener might have, or an attacker might choose. */
const HOSTILE_USERNAMES = [
  "kana",
  "かな",
  "김민지",
  "a b",
  "a/b",
  "../admin",
  "..%2f..",
  "?tab=settings",
  "#top",
  "a&b=c",
  "javascript:alert(1)",
  "//evil.example",
  "https://evil.example/",
  "\\\\evil.example",
  "%00",
  "<script>alert(1)</script>",
  "x".repeat(300),
  "😀\u200b\u202e",
];

describe("profileUrl", () => {
  it.each(HOSTILE_USERNAMES)("keeps %j inside listen.moe/u/ as one segment", (username) => {
    const href = profileUrl(username);
    expect(href).not.toBeNull();
    const url = new URL(href as string);
    expect(url.origin).toBe("https://listen.moe");
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
    const [empty, u, segment, ...rest] = url.pathname.split("/");
    expect([empty, u, rest]).toEqual(["", "u", []]);
    expect(decodeURIComponent(segment)).toBe(username);
  });

  it.each([null, undefined, "", "   ", ".", ".."])("gives no link for %j", (username) => {
    expect(profileUrl(username)).toBeNull();
  });
});

describe("the requester on the now-playing card", () => {
  it.each(HOSTILE_USERNAMES)(
    "links %j to the profile, in a new tab without opener or referrer",
    (username) => {
      const card = playRequestedBy({ uuid: "u-1", username, displayName: "Shown Name" });
      const link = within(card).getByRole("link", { name: /^Shown Name/ });
      expect(link).toHaveAttribute("href", `https://listen.moe/u/${encodeURIComponent(username)}`);
      expect(link).toHaveAttribute("target", "_blank");
      expect(link).toHaveAttribute("rel", "noopener noreferrer");
      expect(card).toHaveTextContent("Requested by Shown Name");
    },
  );

  it("shows a display name alone as text, with no link", () => {
    const card = playRequestedBy({ uuid: "u-1", username: null, displayName: "Only Shown" });
    expect(card).toHaveTextContent("Requested by Only Shown");
    expect(within(card).queryByRole("link")).not.toBeInTheDocument();
  });

  it("names the username when there is no display name", () => {
    const card = playRequestedBy({ uuid: "u-1", username: "kana", displayName: null });
    expect(within(card).getByRole("link", { name: /^kana/ })).toHaveAttribute(
      "href",
      "https://listen.moe/u/kana",
    );
  });

  it("shows nothing for a song nobody requested", () => {
    const card = playRequestedBy(null);
    expect(card).not.toHaveTextContent("Requested by");
  });
});
