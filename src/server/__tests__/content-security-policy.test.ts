import { describe, expect, it } from "vitest";
import { readEndpoints } from "@/lib/endpoints.mjs";
import { contentSecurityPolicy } from "../content-security-policy";

function imgSrc(env: Record<string, string>) {
  const policy = contentSecurityPolicy(readEndpoints(env), { forHeader: true });
  const directive = policy.split("; ").find((d) => d.startsWith("img-src "));
  return directive?.split(" ").slice(1);
}

describe("the CSP's img-src follows the same allow-list as the event images", () => {
  it.each([
    [{}, ["'self'", "data:", "https://cdn.listen.moe", "https://listen.moe", "https://i.imgur.com"]],
    [
      { VITE_IMAGE_ORIGINS: "https://img.example, https://i.imgur.com/" },
      [
        "'self'",
        "data:",
        "https://cdn.listen.moe",
        "https://listen.moe",
        "https://img.example",
        "https://i.imgur.com",
      ],
    ],
    [
      {
        VITE_LISTEN_ORIGIN: "http://127.0.0.1:8787",
        VITE_CDN_ORIGIN: "http://127.0.0.1:8787",
        VITE_IMAGE_ORIGINS: "http://127.0.0.1:9999",
      },
      ["'self'", "data:", "http://127.0.0.1:8787", "http://127.0.0.1:9999"],
    ],
  ])("%j → img-src %j", (env, expected) => {
    expect(imgSrc(env)).toEqual(expected);
  });
});

describe("VITE_IMAGE_ORIGINS is checked when it is read", () => {
  it.each([
    ["http://img.example", /must be https/],
    ["ftp://img.example", /must be https/],
    ["https://img.example/path", /without a path/],
    ["img.example", /not a URL/],
  ])("%s is refused", (list, message) => {
    expect(() => readEndpoints({ VITE_IMAGE_ORIGINS: list })).toThrow(message);
  });
});
