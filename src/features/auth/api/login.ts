/** Password login and the second factor (protocol §4.2), as TanStack mutation factories. */
import { mutationOptions } from "@tanstack/react-query";
import * as v from "valibot";
import { errorMessage, graphqlRequest, isGraphqlError } from "@/lib/graphql-client";
import { getT, type Messages } from "@/lib/i18n";

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

/** A "no" to the password step means the credentials; transport failures keep their own wording. */
export function loginErrorMessage(error: unknown, t: Messages = getT()): string {
  if (isGraphqlError(error, "unauthorized") || isGraphqlError(error, "rejected")) {
    return t.login.wrongCredentials;
  }
  return isGraphqlError(error) ? errorMessage(error, t) : t.login.failed;
}
