import { graphql, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { provideAuthorization } from "@/lib/authorization";
import { GraphqlError, graphqlEndpoint } from "@/lib/graphql-client";
import { rawSong } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import { type FavoritesList, loadAllFavorites } from "../api/favorites-list";

const api = graphql.link(graphqlEndpoint());
const TOKEN = "list.jwt";

let removeAuthorization = () => {};
beforeEach(() => {
  removeAuthorization = provideAuthorization({ token: () => TOKEN, rejected: () => {} });
});
afterEach(() => removeAuthorization());

const favorite = (id: number) => ({
  createdAt: String(1_700_000_000_000 - id * 1000),
  song: rawSong(id, `Song ${id}`),
});

/** A station with `total` favorites (ids 1…total, newest first) that answers each page as asked. */
function station(total: number, { failAt }: { failAt?: (offset: number) => Response | undefined } = {}) {
  const asked: { offset: number; count: number; kpop: boolean; authorization: string | null }[] = [];
  server.use(
    api.query("userFavorites", ({ variables, request }) => {
      const { offset, count, kpop } = variables as { offset: number; count: number; kpop: boolean };
      asked.push({ offset, count, kpop, authorization: request.headers.get("Authorization") });
      const failure = failAt?.(offset);
      if (failure) return failure;
      const ids = Array.from(
        { length: Math.max(0, Math.min(count, total - offset)) },
        (_, i) => offset + i + 1,
      );
      return HttpResponse.json({
        data: { user: { favorites: { favorites: ids.map(favorite), count: total } } },
      });
    }),
  );
  return asked;
}

describe("loadAllFavorites", () => {
  it("asks for a first page of 100, then pages of 500, and keeps the server's order", async () => {
    const asked = station(1_234);
    const progress: FavoritesList[] = [];
    const list = await loadAllFavorites("kpop", { onProgress: (p) => progress.push(p) });
    expect(list.count).toBe(1_234);
    expect(list.complete).toBe(true);
    expect(list.favorites.map((f) => f.song.id)).toEqual(Array.from({ length: 1_234 }, (_, i) => i + 1));
    expect(list.favorites[0].favoritedAt).toBe(1_700_000_000_000 - 1000);
    const pages = asked.map((a) => [a.offset, a.count]).sort((a, b) => a[0] - b[0]);
    expect(pages).toEqual([
      [0, 100],
      [100, 500],
      [600, 500],
      [1_100, 500],
    ]);
    expect(asked.every((a) => a.kpop && a.authorization === `Bearer ${TOKEN}`)).toBe(true);
    // The rows in so far, in order and growing, each a prefix of the whole list.
    expect(progress.length).toBeGreaterThan(0);
    for (const partial of progress) {
      expect(partial.complete).toBe(false);
      expect(partial.count).toBe(1_234);
      expect(partial.favorites.map((f) => f.song.id)).toEqual(
        list.favorites.slice(0, partial.favorites.length).map((f) => f.song.id),
      );
    }
  });

  it.each([0, 1, 100, 101, 600, 601, 2_600, 5_000])("loads exactly %i favorites", async (total) => {
    const asked = station(total);
    const list = await loadAllFavorites("jpop");
    expect(list.favorites.map((f) => f.song.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(asked).toHaveLength(1 + Math.max(0, Math.ceil((total - 100) / 500)));
    expect(asked.every((a) => a.kpop === false)).toBe(true);
  });

  it("shows a song that moved between two pages once", async () => {
    server.use(
      api.query("userFavorites", ({ variables }) => {
        const ids = variables.offset === 0 ? [1, 2] : [2, 3];
        return HttpResponse.json({
          data: { user: { favorites: { favorites: ids.map(favorite), count: 4 } } },
        });
      }),
    );
    const list = await loadAllFavorites("jpop", { firstPageSize: 2, pageSize: 2 });
    expect(list.favorites.map((f) => f.song.id)).toEqual([1, 2, 3]);
  });

  it.each([
    ["no song", { createdAt: "1" }],
    ["a null song", { createdAt: "1", song: null }],
    ["a song without an id", { createdAt: "1", song: { ...rawSong(9, "x"), id: undefined } }],
    ["a song id that is text", { createdAt: "1", song: { ...rawSong(9, "x"), id: "9" } }],
    ["a list that is not a list", { createdAt: "1", song: { ...rawSong(9, "x"), artists: "LiSA" } }],
    ["null", null],
    ["a number", 7],
  ])("drops a row with %s and keeps the others", async (_case, bad) => {
    server.use(
      api.query("userFavorites", () =>
        HttpResponse.json({
          data: { user: { favorites: { favorites: [favorite(1), bad, favorite(2)], count: 3 } } },
        }),
      ),
    );
    const list = await loadAllFavorites("jpop");
    expect(list.favorites.map((f) => f.song.id)).toEqual([1, 2]);
  });

  it.each([
    ["an empty string", ""],
    ["words", "yesterday"],
    ["null", null],
    ["zero", "0"],
  ])("keeps a favorite whose date is %s, without a date", async (_case, createdAt) => {
    server.use(
      api.query("userFavorites", () =>
        HttpResponse.json({
          data: { user: { favorites: { favorites: [{ createdAt, song: rawSong(5, "Five") }], count: 1 } } },
        }),
      ),
    );
    const [only] = (await loadAllFavorites("jpop")).favorites;
    expect(only.song.id).toBe(5);
    expect(only.favoritedAt).toBeNull();
  });

  const envelope = (message: string, code: string) =>
    HttpResponse.json({
      data: { user: null },
      errors: [{ message, path: ["user", "favorites"], extensions: { code } }],
    });

  it.each([
    [
      "Internal server error (production envelope, HTTP 200)",
      () => envelope("Internal server error", "INTERNAL_SERVER_ERROR"),
      "server",
    ],
    ["Invalid authorization.", () => envelope("Invalid authorization.", "UNAUTHENTICATED"), "unauthorized"],
    ["HTTP 502", () => new HttpResponse("bad gateway", { status: 502 }), "server"],
    ["a dropped connection", () => HttpResponse.error(), "network"],
    [
      "a page that is not the expected shape",
      () => HttpResponse.json({ data: { user: { favorites: null } } }),
      "bad-response",
    ],
  ] as const)("fails the whole load when a later page gets %s", async (_case, failure, kind) => {
    station(1_200, { failAt: (offset) => (offset === 1_100 ? failure() : undefined) });
    const error = await loadAllFavorites("jpop").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlError);
    expect((error as GraphqlError).kind).toBe(kind);
  });

  it("says unauthorized without asking when nobody is logged in", async () => {
    removeAuthorization();
    const asked = station(10);
    const error = await loadAllFavorites("jpop").catch((e: unknown) => e);
    expect((error as GraphqlError).kind).toBe("unauthorized");
    expect(asked).toEqual([]);
  });
});
