/**
 * Login errors against the local station, in each wording production might use (issue 14: nobody has
 * seen LISTEN.moe's GraphQL error texts). The real request code and the real classification; the
 * station answers through its "message" fault. Words checked in English and Japanese.
 */
import { http, passthrough } from "msw";
import * as v from "valibot";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  classifyLoginError,
  LOGIN_MFA_MUTATION,
  LOGIN_MUTATION,
  type LoginStepKind,
  loginFailureText,
} from "@/features/auth/api/login";
import { loginMessages } from "@/features/auth/login-messages";
import { errorMessages } from "@/lib/error-messages";
import { graphqlRequest } from "@/lib/graphql-client";
import { server } from "@/testing/msw-server";
import { type RunningStation, startStation } from "../../../tests/station/server.mjs";

let station: RunningStation;
beforeAll(async () => {
  station = await startStation({ listenerDrift: false });
});
afterAll(() => station.close());
beforeEach(() => {
  server.use(http.all(`${station.url}/*`, () => passthrough()));
  station.clearFaults();
});

const OPERATION: Record<
  LoginStepKind,
  { operationName: string; query: string; variables: Record<string, unknown> }
> = {
  password: {
    operationName: "LoginMutation",
    query: LOGIN_MUTATION,
    variables: { username: "kana", password: "kana-password" },
  },
  mfa: { operationName: "LoginMfaMutation", query: LOGIN_MFA_MUTATION, variables: { otpToken: "123456" } },
};

/** What a person reads when the station answers `step` with `answer`. */
interface Answer {
  message: string;
  code?: string;
  status?: number;
  path?: boolean;
}

async function shownFor(step: LoginStepKind, answer: Answer, language: "en" | "ja" = "en") {
  await station.fault({ type: "graphql", mode: "message", count: 1, ...answer });
  const error = await graphqlRequest({
    ...OPERATION[step],
    url: `${station.url}/graphql`,
    schema: v.unknown(),
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the station answered with an error").not.toBeNull();
  const failure = classifyLoginError(error, step);
  return {
    kind: failure.kind,
    text: loginFailureText(failure, { login: loginMessages[language], errors: errorMessages[language] }),
  };
}

const EN = loginMessages.en;
const JA = loginMessages.ja;

describe("login errors in every wording, classified by structure first", () => {
  it.each([
    // Structure: HTTP 401 or UNAUTHENTICATED means the credentials, whatever the words.
    ["password", { message: "Nope.", status: 401, path: false }, "wrongCredentials", EN.wrongCredentials],
    ["password", { message: "Nope.", code: "UNAUTHENTICATED" }, "wrongCredentials", EN.wrongCredentials],
    // Words, where structure is silent: the REST-era text.
    ["password", { message: "Invalid authorization." }, "wrongCredentials", EN.wrongCredentials],
    [
      "password",
      { message: "Invalid authorization.", code: "INTERNAL_SERVER_ERROR" },
      "wrongCredentials",
      EN.wrongCredentials,
    ],
    // Deactivated has its own message, whatever code comes with it.
    ["password", { message: "This account has been deactivated." }, "deactivated", EN.deactivated],
    [
      "password",
      { message: "This account has been deactivated.", code: "FORBIDDEN" },
      "deactivated",
      EN.deactivated,
    ],
    ["mfa", { message: "This account has been deactivated." }, "deactivated", EN.deactivated],
    // Unknown: the server's words verbatim, never "wrong password".
    [
      "password",
      { message: "Two-factor is disabled for this account." },
      "serverSaid",
      "Two-factor is disabled for this account.",
    ],
    [
      "password",
      { message: "Username must be 3 characters." },
      "serverSaid",
      "Username must be 3 characters.",
    ],
    ["password", { message: "Try later.", code: "BAD_USER_INPUT" }, "serverSaid", "Try later."],
    [
      "password",
      { message: "Something broke.", code: "INTERNAL_SERVER_ERROR" },
      "serverSaid",
      "Something broke.",
    ],
    // Two-factor: a code problem by structure or by words…
    ["mfa", { message: "Nope.", code: "BAD_USER_INPUT" }, "wrongCode", EN.wrongCode],
    ["mfa", { message: "Invalid two-factor code." }, "wrongCode", EN.wrongCode],
    // …and an auth "no" that could be the code or the temporary token: the server's words, stay.
    ["mfa", { message: "Invalid authorization." }, "authUnclassified", "Invalid authorization."],
    ["mfa", { message: "Nope.", status: 401, path: false }, "authUnclassified", "Nope."],
    ["mfa", { message: "Invalid token." }, "serverSaid", "Invalid token."],
    // Transport problems keep their own words.
    ["password", { message: "Internal server error" }, "transport", errorMessages.en.server],
    [
      "password",
      { message: "Slow down.", status: 429, path: false },
      "transport",
      errorMessages.en["rate-limited"],
    ],
  ] as const)("%s step, %j → %s", async (step, answer, kind, text) => {
    expect(await shownFor(step, answer)).toEqual({ kind, text });
  });

  it("has Japanese words for the new messages", async () => {
    expect(await shownFor("password", { message: "This account has been deactivated." }, "ja")).toEqual({
      kind: "deactivated",
      text: JA.deactivated,
    });
    expect(JA.startOver).not.toBe(EN.startOver);
    expect(JA.codeNotAccepted).not.toBe(EN.codeNotAccepted);
  });

  it("never says wrong password for a refusal it does not know", async () => {
    for (const message of ["Account locked.", "Rate limited by upstream.", "無効です"]) {
      const shown = await shownFor("password", { message });
      expect(shown.text).toBe(message);
      expect(shown.text).not.toBe(EN.wrongCredentials);
    }
  });
});
