import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { graphql, HttpResponse, ws } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { playbackChanged } from "@/features/player/player-store";
import { languageChosen } from "@/features/settings/settings-store";
import { gatewayUrl } from "@/lib/config";
import { graphqlEndpoint } from "@/lib/graphql-client";
import { renderApp } from "@/testing/app-session";
import { ACK, rawSong, trackUpdate, welcome } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";

const jpop = ws.link(gatewayUrl("jpop"));
const api = graphql.link(graphqlEndpoint());

function station(song: ReturnType<typeof rawSong>) {
  return jpop.addEventListener("connection", ({ client }) => {
    client.send(welcome());
    client.send(trackUpdate(song, { listeners: 1234 }));
    client.addEventListener("message", (e) => {
      if (String(e.data) === '{"op":9}') client.send(ACK);
    });
  });
}

beforeEach(() => {
  server.use(
    api.query("PlayHistoryQuery", () => HttpResponse.json({ data: { playStatistics: { songs: [] } } })),
    station(rawSong(1, "ベースラインやってる？笑")),
  );
});

afterEach(() => {
  document.documentElement.lang = "en";
});

describe("the page in Japanese", () => {
  it("names its controls and regions in Japanese when the listener chose 日本語", async () => {
    languageChosen("ja");
    renderApp();

    const nowPlaying = await screen.findByRole("region", { name: "再生中" });
    expect(within(nowPlaying).getByRole("heading", { name: "ベースラインやってる？笑" })).toBeInTheDocument();
    expect(within(nowPlaying).getByText("リスナー 1,234人")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "履歴" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "再生" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "ミュート" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "接続" })).toHaveTextContent("ライブ");
    expect(screen.getByRole("tablist", { name: "ステーション" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("ja");
    expect(screen.queryByRole("button", { name: "Play" })).not.toBeInTheDocument();
  });

  it("switches back to English from the settings dialog", async () => {
    languageChosen("ja");
    renderApp();
    await screen.findByRole("region", { name: "再生中" });

    await userEvent.click(screen.getByRole("button", { name: "設定" }));
    const dialog = await screen.findByRole("dialog", { name: "設定" });
    await userEvent.selectOptions(within(dialog).getByRole("combobox", { name: "言語" }), "English");

    expect(await screen.findByRole("dialog", { name: "Settings" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Language" })).toHaveValue("en");
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "History" })).toBeInTheDocument();
    expect(screen.getByText("1,234 listeners")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
  });

  it("follows a Japanese browser while the choice is Automatic", async () => {
    renderApp();
    await screen.findByRole("region", { name: "Now playing" });
    Object.defineProperty(navigator, "languages", { configurable: true, get: () => ["ja-JP", "en-US"] });
    try {
      await act(async () => window.dispatchEvent(new Event("languagechange")));
      expect(await screen.findByRole("button", { name: "再生" })).toBeInTheDocument();
      expect(document.documentElement.lang).toBe("ja");
    } finally {
      // The own property shadows jsdom's getter; removing it restores the browser's answer.
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it.each([
    [
      "gaveUp",
      "The stream is not coming back. Check your connection and try again.",
      "ストリームが復旧しません。接続を確認して、もう一度お試しください。",
    ],
    [
      "blockedByBrowser",
      "The browser blocked playback. Press Play to start.",
      "ブラウザーが再生をブロックしました。「再生」を押して開始してください。",
    ],
  ] as const)(
    "translates a %s playback notice already on screen when the language changes",
    async (notice, english, japanese) => {
      renderApp();
      await screen.findByRole("region", { name: "Now playing" });
      act(() => playbackChanged(notice === "gaveUp" ? "failed" : "blocked", notice));
      expect(await screen.findByRole("alert")).toHaveTextContent(english);

      act(() => languageChosen("ja"));
      await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(japanese));
    },
  );
});

describe("the page in Korean", () => {
  it("switches the whole page to Korean from the settings dialog, and <html lang> with it", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole("region", { name: "Now playing" });

    await user.click(screen.getByRole("button", { name: "Settings" }));
    const dialog = await screen.findByRole("dialog", { name: "Settings" });
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Language" }), "한국어");
    expect(await screen.findByRole("dialog", { name: "설정" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "언어" })).toHaveValue("ko");
    await user.keyboard("{Escape}");

    const nowPlaying = screen.getByRole("region", { name: "지금 재생 중" });
    expect(within(nowPlaying).getByRole("heading", { name: "ベースラインやってる？笑" })).toBeInTheDocument();
    expect(within(nowPlaying).getByText("청취자 1,234명")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "재생 기록" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "재생" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "음소거" })).toBeInTheDocument();
    expect(screen.getByRole("status", { name: "연결" })).toHaveTextContent("라이브");
    expect(screen.getByRole("tablist", { name: "채널" })).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "곡 검색" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "설정" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("ko");
    // Nothing English left among the controls' names.
    expect(screen.queryByRole("button", { name: "Play" })).not.toBeInTheDocument();
    expect(screen.queryByRole("searchbox", { name: "Search songs" })).not.toBeInTheDocument();
  });

  it("follows a Korean browser while the choice is Automatic", async () => {
    Object.defineProperty(navigator, "languages", { configurable: true, get: () => ["ko-KR", "en-US"] });
    try {
      renderApp();
      expect(await screen.findByRole("button", { name: "재생" })).toBeInTheDocument();
      expect(screen.getByRole("searchbox", { name: "곡 검색" })).toBeInTheDocument();
      expect(document.documentElement.lang).toBe("ko");
    } finally {
      delete (navigator as { languages?: unknown }).languages;
    }
  });
});
