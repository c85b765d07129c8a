// A demo account's token, through the same GraphQL login the clients use.
import { LOGIN_MUTATION } from "./operations.mjs";

/** Logs a demo account without two-factor in (`<username>-password`) and returns its token. */
export async function loginToken(station, username) {
  const res = await fetch(`${station.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: LOGIN_MUTATION,
      variables: { username, password: `${username}-password` },
    }),
  });
  const { data } = await res.json();
  if (!data?.login?.token || data.login.mfa) throw new Error(`no session token for ${username}`);
  return data.login.token;
}
