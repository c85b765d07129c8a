import { delay, graphql, HttpResponse, http } from "msw";
import * as v from "valibot";
import { describe, expect, it, vi } from "vitest";
import { server } from "@/testing/msw-server";
import {
  classifyProblem,
  GRAPHQL_TIMEOUT_MS,
  GraphqlError,
  graphqlEndpoint,
  graphqlRequest,
} from "../graphql-client";

const api = graphql.link(graphqlEndpoint());
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl";
const schema = v.object({ checkFavorite: v.array(v.number()) });
const request = {
  operationName: "checkFavorite",
  query: "query checkFavorite($songs: [Int!]!) { checkFavorite(songs: $songs) }",
  variables: { songs: [1, 2] },
  schema,
};

async function failure(promise: Promise<unknown>): Promise<GraphqlError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphqlError);
  const typed = error as GraphqlError;
  expect(typed.message).not.toContain(TOKEN);
  return typed;
}

describe("graphqlRequest", () => {
  it("posts operationName, query and variables with the bearer token, and returns validated data", async () => {
    let seen: { auth: string | null; body: unknown } | undefined;
    server.use(
      http.post(graphqlEndpoint(), async ({ request: req }) => {
        seen = { auth: req.headers.get("Authorization"), body: await req.json() };
        return HttpResponse.json({ data: { checkFavorite: [2] } });
      }),
    );
    await expect(graphqlRequest({ ...request, token: TOKEN })).resolves.toEqual({ checkFavorite: [2] });
    expect(seen).toEqual({
      auth: `Bearer ${TOKEN}`,
      body: { operationName: "checkFavorite", query: request.query, variables: { songs: [1, 2] } },
    });
  });

  it("sends no Authorization header without a token", async () => {
    let auth: string | null = "unset";
    server.use(
      api.query("checkFavorite", ({ request: req }) => {
        auth = req.headers.get("Authorization");
        return HttpResponse.json({ data: { checkFavorite: [] } });
      }),
    );
    await graphqlRequest(request);
    expect(auth).toBeNull();
  });

  it("turns an Invalid authorization answer into an unauthorized error", async () => {
    server.use(
      api.query("checkFavorite", () =>
        HttpResponse.json({ data: null, errors: [{ message: "Invalid authorization." }] }),
      ),
    );
    const error = await failure(graphqlRequest({ ...request, token: TOKEN }));
    expect(error.kind).toBe("unauthorized");
    expect(error.message).toBe("Your session expired — log in again.");
  });

  it("passes other GraphQL errors on as a rejection with the server's words", async () => {
    server.use(
      api.query("checkFavorite", () => HttpResponse.json({ errors: [{ message: "Song not found." }] })),
    );
    const error = await failure(graphqlRequest(request));
    expect(error.kind).toBe("rejected");
    expect(error.message).toBe("LISTEN.moe said: Song not found.");
  });

  it("reports HTTP 5xx as a server problem, whatever the body", async () => {
    server.use(http.post(graphqlEndpoint(), () => new HttpResponse("<h1>Bad gateway</h1>", { status: 502 })));
    const error = await failure(graphqlRequest(request));
    expect(error.kind).toBe("server");
    expect(error.status).toBe(502);
    expect(error.transient).toBe(true);
  });

  it("reports a failed fetch as a network problem", async () => {
    server.use(api.query("checkFavorite", () => HttpResponse.error()));
    const error = await failure(graphqlRequest({ ...request, token: TOKEN }));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/can't reach LISTEN\.moe/i);
  });

  it("gives up after the timeout", async () => {
    vi.useFakeTimers();
    server.use(
      api.query("checkFavorite", async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const result = failure(graphqlRequest(request));
    await vi.advanceTimersByTimeAsync(GRAPHQL_TIMEOUT_MS);
    const error = await result;
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/taking too long/);
  });

  it("rejects data that does not match the schema", async () => {
    server.use(
      api.query("checkFavorite", () => HttpResponse.json({ data: { checkFavorite: ["not", "ids"] } })),
    );
    expect((await failure(graphqlRequest(request))).kind).toBe("bad-response");
  });

  it("hands the caller's own abort back untouched", async () => {
    server.use(
      api.query("checkFavorite", async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const controller = new AbortController();
    const pending = graphqlRequest({ ...request, signal: controller.signal });
    const reason = new Error("cancelled by the caller");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
  it("treats an Apollo INTERNAL_SERVER_ERROR inside a 200 answer as the server's problem, not a refusal", async () => {
    server.use(
      api.query("checkFavorite", () =>
        HttpResponse.json({
          data: null,
          errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        }),
      ),
    );
    const error = await failure(graphqlRequest(request));
    expect(error.kind).toBe("server");
    expect(error.transient).toBe(true);
  });
});

describe("one errors[] entry, classified by structure first", () => {
  it.each([
    // The code decides when it means something.
    [{ message: "Song already queued.", code: "FORBIDDEN", path: ["requestSong"] }, "rejected"],
    [{ message: "Invalid authorization.", code: "BAD_USER_INPUT", path: ["login"] }, "rejected"],
    [{ message: "Whatever.", code: "UNAUTHENTICATED", path: null }, "unauthorized"],
    // INTERNAL_SERVER_ERROR is what any thrown resolver error gets: the words decide…
    [{ message: "Invalid authorization.", code: "INTERNAL_SERVER_ERROR", path: ["login"] }, "unauthorized"],
    [{ message: "Internal server error", code: "INTERNAL_SERVER_ERROR", path: ["user"] }, "server"],
    // …then the path: a field's "no" is a refusal, a crash outside any field is the server's.
    [{ message: "Account locked.", code: "INTERNAL_SERVER_ERROR", path: ["login"] }, "rejected"],
    [{ message: "Context failed.", code: "INTERNAL_SERVER_ERROR", path: null }, "server"],
    // No code at all: words, else a refusal in the server's words.
    [{ message: "Invalid authorization.", code: null, path: null }, "unauthorized"],
    [{ message: "This account has been deactivated.", code: null, path: ["login"] }, "rejected"],
  ] as const)("%j → %s", (problem, kind) => {
    expect(classifyProblem(problem)).toBe(kind);
  });
});
