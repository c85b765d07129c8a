/** Password login and the second factor (protocol §4.2), as TanStack mutation factories. */
import { mutationOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { errorMessages } from "@/lib/error-messages";
import { type GraphqlErrorKind, graphqlRequest, isGraphqlError } from "@/lib/graphql-client";
import { getMessages } from "@/lib/i18n";
import { type LoginWords, loginMessages } from "../login-messages";

export const LOGIN_MUTATION = `mutation LoginMutation($username: String!, $password: String!) {
    login(username: $username, password: $password) {
        mfa
        token
    }
}`;

export const LOGIN_MFA_MUTATION = `mutation LoginMfaMutation($otpToken: String!) { loginMFA(token: $otpToken) { token } }`;

/** The temporary MFA token lives "~2m" on the server; give up a little earlier than that. */
export const MFA_WINDOW_MS = 115_000;
export const OTP_LENGTH = 6;

const token = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

const loginSchema = v.pipe(
  v.object({ login: v.object({ mfa: v.boolean(), token }) }),
  v.transform((data) => data.login),
);

const loginMfaSchema = v.pipe(
  v.object({ loginMFA: v.object({ token }) }),
  v.transform((data) => data.loginMFA.token),
);

export interface Credentials {
  username: string;
  password: string;
}

export interface SecondFactor {
  /** The six digits from the authenticator app. */
  code: string;
  /** The temporary token from `login`, sent as the bearer. */
  mfaToken: string;
}

// gcTime 0: the password and temporary token in the mutation's variables go as soon as nobody watches.
export const loginMutationOptions = () =>
  mutationOptions({
    mutationKey: ["auth", "login"],
    gcTime: 0,
    mutationFn: ({ username, password }: Credentials) =>
      graphqlRequest({
        operationName: "LoginMutation",
        query: LOGIN_MUTATION,
        variables: { username, password },
        schema: loginSchema,
      }),
  });

export const loginMfaMutationOptions = () =>
  mutationOptions({
    mutationKey: ["auth", "login-mfa"],
    gcTime: 0,
    mutationFn: ({ code, mfaToken }: SecondFactor) =>
      graphqlRequest({
        operationName: "LoginMfaMutation",
        query: LOGIN_MFA_MUTATION,
        variables: { otpToken: code },
        token: mfaToken,
        schema: loginMfaSchema,
      }),
  });

/** Digits only, at most six: "123 456", "123-456" and "123456" all become "123456". */
export function normalizeOtp(raw: string): string {
  return raw.replace(/\D/g, "").slice(0, OTP_LENGTH);
}

/** Which step a login error answers: the password (`login`) or the second factor (`loginMFA`). */
export type LoginStepKind = "password" | "mfa";

/** What went wrong with a login attempt, as a code; words come at render time (loginFailureText). */
export type LoginFailure =
  | { kind: "wrongCredentials" }
  | { kind: "wrongCode" }
  | { kind: "deactivated" }
  /** Two-factor step, an auth "no" that could mean the code or the temporary token: say what the server said. */
  | { kind: "authUnclassified"; serverMessage: string | null }
  /** A refusal this player does not recognise: the server's words, verbatim. */
  | { kind: "serverSaid"; serverMessage: string }
  | { kind: "transport"; error: Exclude<GraphqlErrorKind, "unauthorized" | "rejected"> }
  | { kind: "unknown" };

/**
 * "This account has been deactivated.": the one wording with a meaning of its own, and nothing in the
 * error's structure tells it apart. Narrow on purpose: "disabled" could be about two-factor.
 */
const DEACTIVATED_TEXT = /\baccount\b.*\bdeactivated\b|\bdeactivated\b.*\baccount\b/i;
/** A wrong one-time code, when the server says so only in words (loginMFA's argument is called `token`). */
const WRONG_CODE_TEXT = /two[- ]factor|\b2fa\b|\botp\b|one[- ]time|\bcode\b/i;

/**
 * Classify a login error by structure first (the client's kind from the HTTP status and
 * `extensions.code`, then the code and path of each entry), and by words only where structure is silent.
 * An error it cannot place is never turned into "wrong password": the server's own words are shown.
 */
export function classifyLoginError(error: unknown, step: LoginStepKind): LoginFailure {
  if (!isGraphqlError(error)) return { kind: "unknown" };
  if (error.kind !== "unauthorized" && error.kind !== "rejected")
    return { kind: "transport", error: error.kind };
  const messages = error.serverMessages;
  const serverMessage = messages.length > 0 ? messages.join(" ") : null;
  if (messages.some((m) => DEACTIVATED_TEXT.test(m))) return { kind: "deactivated" };
  if (step === "password") {
    if (error.kind === "unauthorized") return { kind: "wrongCredentials" };
    return serverMessage ? { kind: "serverSaid", serverMessage } : { kind: "unknown" };
  }
  // The code was wrong when the server says BAD_USER_INPUT about loginMFA, or, failing a code, says "code".
  const aboutCode = error.problems.some(
    (p) =>
      (p.code === "BAD_USER_INPUT" && (p.path === null || p.path[0] === "loginMFA")) ||
      (p.code === null && WRONG_CODE_TEXT.test(p.message)),
  );
  if (error.kind === "rejected" && aboutCode) return { kind: "wrongCode" };
  // "Invalid authorization." answered both a wrong code and a dead temporary token in the REST era.
  if (error.kind === "unauthorized") return { kind: "authUnclassified", serverMessage };
  return serverMessage ? { kind: "serverSaid", serverMessage } : { kind: "authUnclassified", serverMessage };
}

export function loginFailureText(
  failure: LoginFailure,
  words: LoginWords = { login: getMessages(loginMessages), errors: getMessages(errorMessages) },
): string {
  switch (failure.kind) {
    case "wrongCredentials":
      return words.login.wrongCredentials;
    case "wrongCode":
      return words.login.wrongCode;
    case "deactivated":
      return words.login.deactivated;
    case "authUnclassified":
      return failure.serverMessage ?? words.login.codeNotAccepted;
    case "serverSaid":
      return failure.serverMessage;
    case "transport":
      return words.errors[failure.error];
    case "unknown":
      return words.login.failed;
  }
}
