/** Each operation against MSW: what goes out, what comes back, and every failure as a typed error. */

import { QueryObserver } from "@tanstack/react-query";
import { HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { isGraphqlError } from "@/lib/graphql-client";
import { createQueryClient } from "@/lib/query-client";
import { rawSong } from "@/testing/fixtures";
import { server } from "@/testing/msw-server";
import {
  fetchUserQueue,
  type RequestVariables,
  requestRandomFavoriteMutationOptions,
  requestSongMutationOptions,
  stationQueueQueryOptions,
  userQueueQueryOptions,
} from "../api/requests";
import { requestProblem } from "../model/request-problem";
import { api, gate, logIn, REFUSALS, refusal, reply, TOKEN } from "./support";

/** Runs a mutation the way useMutation does, through a client's mutation cache. */
function runMutation(options: object, variables: RequestVariables) {
  const client = createQueryClient({ retry: false });
  const mutation = client.getMutationCache().build(client, options);
  return mutation.execute(variables);
}

const SONG: RequestVariables = { kind: "song", station: "jpop", title: "Song 7" };
const RANDOM: RequestVariables = { kind: "random", station: "kpop" };

describe("requestSong", () => {
  it("sends the id and station with the token, and answers the song and the user's place", async () => {
    logIn();
    const seen: unknown[] = [];
    server.use(
      api.mutation("requestSong", ({ request, variables }) => {
        seen.push({ auth: request.headers.get("Authorization"), variables });
        return HttpResponse.json({ data: { requestSong: rawSong(7, "Song 7") } });
      }),
      api.query("userQueue", () => HttpResponse.json({ data: { userQueue: { amount: 1, before: 3 } } })),
    );
    const result = await runMutation(requestSongMutationOptions("jpop", 7), SONG);
    expect(seen).toEqual([{ auth: `Bearer ${TOKEN}`, variables: { id: 7, kpop: false } }]);
    expect(result).toMatchObject({ song: { id: 7, title: "Song 7" }, place: { amount: 1, before: 3 } });
  });

  it("still succeeds when userQueue fails afterwards; the place is just unknown", async () => {
    logIn();
    server.use(
      api.mutation("requestSong", () => HttpResponse.json({ data: { requestSong: rawSong(7, "Song 7") } })),
      api.query("userQueue", () => HttpResponse.json({ errors: [{ message: "boom" }] }, { status: 500 })),
    );
    const result = await runMutation(requestSongMutationOptions("kpop", 7), SONG);
    expect(result).toMatchObject({ song: { id: 7 }, place: null });
  });

  it.each([
    ["limit", REFUSALS.limit, "rejected", "limit"],
    ["queued", REFUSALS.queued, "rejected", "queued"],
    ["not found", REFUSALS.notFound, "rejected", "other"],
    ["unauthenticated", REFUSALS.unauthenticated, "unauthorized", "login"],
    ["server", REFUSALS.server, "server", "other"],
  ] as const)(
    "a %s refusal in the production envelope is a typed error",
    async (_, [message, code], kind, problem) => {
      const { rejected } = logIn();
      server.use(
        api.mutation(
          "requestSong",
          reply(() => refusal("requestSong", message, code)),
        ),
      );
      const error = await runMutation(requestSongMutationOptions("jpop", 7), SONG).catch((e: unknown) => e);
      expect(isGraphqlError(error, kind)).toBe(true);
      expect(requestProblem(error).kind).toBe(problem);
      // FORBIDDEN is a refusal: only an authentication error ends the session.
      expect(rejected).toHaveBeenCalledTimes(kind === "unauthorized" ? 1 : 0);
    },
  );

  it.each([
    ["network", () => HttpResponse.error(), "network"],
    ["HTTP 502", () => new HttpResponse("bad gateway", { status: 502 }), "server"],
    [
      "HTTP 500 with an errors body",
      () => HttpResponse.json({ errors: [{ message: "x" }] }, { status: 500 }),
      "server",
    ],
  ] as const)("%s fails as %s", async (_, respond, kind) => {
    logIn();
    server.use(api.mutation("requestSong", reply(respond)));
    const error = await runMutation(requestSongMutationOptions("jpop", 7), SONG).catch((e: unknown) => e);
    expect(isGraphqlError(error, kind)).toBe(true);
  });

  it("asks for a login without sending anything when nobody is logged in", async () => {
    let sent = 0;
    server.use(
      api.mutation("requestSong", () => {
        sent++;
        return HttpResponse.json({ data: { requestSong: rawSong(7, "x") } });
      }),
    );
    const error = await runMutation(requestSongMutationOptions("jpop", 7), SONG).catch((e: unknown) => e);
    expect(requestProblem(error).kind).toBe("login");
    expect(sent).toBe(0);
  });
});

describe("after a request", () => {
  it("asks userQueue again even when an answer from before the request is still under way", async () => {
    logIn();
    const held = gate();
    let queued = 0;
    let calls = 0;
    server.use(
      api.query("userQueue", async () => {
        const amount = queued;
        if (++calls === 2) await held.opened;
        return HttpResponse.json({ data: { userQueue: { amount, before: 0 } } });
      }),
      api.mutation("requestSong", () => {
        queued++;
        return HttpResponse.json({ data: { requestSong: rawSong(7, "Song 7") } });
      }),
    );
    const client = createQueryClient({ retry: false });
    const { queryKey } = userQueueQueryOptions(1);
    const observer = new QueryObserver(client, userQueueQueryOptions(1));
    const stop = observer.subscribe(() => {});
    await vi.waitFor(() => expect(client.getQueryData(queryKey)).toEqual({ amount: 0, before: 0 }));
    // A track change asked again; that answer (it will say 0) is under way when the request goes through.
    void client.invalidateQueries({ queryKey });
    await vi.waitFor(() => expect(calls).toBe(2));
    await client.getMutationCache().build(client, requestSongMutationOptions("jpop", 7)).execute(SONG);
    held.open();
    await vi.waitFor(() => expect(client.getQueryData(queryKey)).toEqual({ amount: 1, before: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.getQueryData(queryKey)).toEqual({ amount: 1, before: 0 });
    stop();
  });
});

describe("requestRandomFavorite", () => {
  it("asks for the station's favorite and answers the picked song", async () => {
    logIn();
    const seen: unknown[] = [];
    server.use(
      api.mutation("requestRandomFavorite", ({ variables }) => {
        seen.push(variables);
        return HttpResponse.json({ data: { requestRandomFavorite: rawSong(9, "Picked") } });
      }),
      api.query("userQueue", () => HttpResponse.json({ data: { userQueue: { amount: 2, before: 0 } } })),
    );
    const result = await runMutation(requestRandomFavoriteMutationOptions("kpop"), RANDOM);
    expect(seen).toEqual([{ kpop: true }]);
    expect(result).toMatchObject({ song: { id: 9, title: "Picked" }, place: { amount: 2, before: 0 } });
  });

  it.each([
    ["no favorite", REFUSALS.noFavorite, "rejected"],
    ["limit", REFUSALS.limit, "rejected"],
    ["server", REFUSALS.server, "server"],
  ] as const)("a %s refusal is a typed error", async (_, [message, code], kind) => {
    logIn();
    server.use(
      api.mutation(
        "requestRandomFavorite",
        reply(() => refusal("requestRandomFavorite", message, code)),
      ),
    );
    const error = await runMutation(requestRandomFavoriteMutationOptions("jpop"), RANDOM).catch(
      (e: unknown) => e,
    );
    expect(isGraphqlError(error, kind)).toBe(true);
  });

  it("a network failure is a network error", async () => {
    logIn();
    server.use(api.mutation("requestRandomFavorite", () => HttpResponse.error()));
    const error = await runMutation(requestRandomFavoriteMutationOptions("jpop"), RANDOM).catch(
      (e: unknown) => e,
    );
    expect(isGraphqlError(error, "network")).toBe(true);
  });
});

describe("userQueue and queue", () => {
  it("send no arguments, as production's schema has none", async () => {
    logIn();
    const seen: unknown[] = [];
    server.use(
      api.query("userQueue", ({ query, variables }) => {
        seen.push({ query, variables });
        return HttpResponse.json({ data: { userQueue: { amount: 2, before: 3 } } });
      }),
      api.query("queue", ({ query, variables }) => {
        seen.push({ query, variables });
        return HttpResponse.json({ data: { queue: 12 } });
      }),
    );
    const client = createQueryClient({ retry: false });
    expect(await client.fetchQuery(userQueueQueryOptions(1))).toEqual({ amount: 2, before: 3 });
    expect(await client.fetchQuery(stationQueueQueryOptions("jpop"))).toBe(12);
    for (const entry of seen as { query: string; variables: object }[]) {
      expect(entry.query).not.toMatch(/\(/);
      expect(entry.variables).toEqual({});
    }
  });

  it("only J-pop asks for the station queue, since production's queue counts one station", () => {
    expect(stationQueueQueryOptions("jpop").enabled).toBe(true);
    expect(stationQueueQueryOptions("kpop").enabled).toBe(false);
    expect(userQueueQueryOptions(null).enabled).toBe(false);
  });

  it.each([
    ["a refusal", () => refusal("userQueue", ...REFUSALS.unauthenticated), "unauthorized"],
    ["a server error", () => refusal("userQueue", ...REFUSALS.server), "server"],
    ["a network failure", () => HttpResponse.error(), "network"],
    [
      "a wrong shape",
      () => HttpResponse.json({ data: { userQueue: { amount: -1, before: "x" } } }),
      "bad-response",
    ],
  ] as const)("userQueue: %s is a typed error", async (_, respond, kind) => {
    logIn();
    server.use(api.query("userQueue", reply(respond)));
    const error = await fetchUserQueue().catch((e: unknown) => e);
    expect(isGraphqlError(error, kind)).toBe(true);
  });

  it.each([
    ["a server error", () => refusal("queue", ...REFUSALS.server), "server"],
    ["HTTP 503", () => new HttpResponse(null, { status: 503 }), "server"],
    ["a network failure", () => HttpResponse.error(), "network"],
  ] as const)("queue: %s is a typed error", async (_, respond, kind) => {
    server.use(api.query("queue", reply(respond)));
    const client = createQueryClient({ retry: false });
    const error = await client.fetchQuery(stationQueueQueryOptions("jpop")).catch((e: unknown) => e);
    expect(isGraphqlError(error, kind)).toBe(true);
  });
});
