import { HttpResponse } from "msw";
import { api } from "@/testing/graphql-testing";

export { api, gate, renderWithClient } from "@/testing/graphql-testing";

export const KANA = {
  uuid: "0b4b9c6e",
  username: "kana",
  displayName: "Kana",
  avatarImage: "kana avatar.png",
  favorites: { count: 461 },
};

/** `user(username: "@me")` for `token`; anything else is an expired session. */
export function meHandler(token: string, user: Record<string, unknown> = KANA) {
  return api.query("user", ({ request, variables }) => {
    if (request.headers.get("Authorization") !== `Bearer ${token}` || variables.username !== "@me") {
      return HttpResponse.json({ data: null, errors: [{ message: "Invalid authorization." }] });
    }
    return HttpResponse.json({ data: { user } });
  });
}
