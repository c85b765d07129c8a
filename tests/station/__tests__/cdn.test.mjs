import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStation } from "../server.mjs";

/** GET with the path sent exactly as given (fetch would normalise `..` away). */
function rawGet(station, path) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: station.port, path, method: "GET" }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("CDN images", () => {
  let station;
  beforeAll(async () => {
    station = await startStation({ listenerDrift: false });
  });
  afterAll(() => station.close());

  it("serves an SVG for every album cover and artist image in the catalogue", async () => {
    const names = [
      ...[...station.catalogue.albums.values()].map(
        (a) => a.image && `/covers/${encodeURIComponent(a.image)}`,
      ),
      ...[...station.catalogue.artists.values()].map(
        (a) => a.image && `/artists/${encodeURIComponent(a.image)}`,
      ),
    ].filter(Boolean);
    expect(names.some((n) => n.includes("%20"))).toBe(true);
    for (const path of names) {
      const res = await fetch(`${station.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it("accepts raw (browser-encoded) and percent-encoded names alike", async () => {
    // A raw name in a URL is percent-encoded by the browser's URL parser (fetch does the same);
    // encodeURIComponent differs from it for characters such as "#", "?", "%" and "+".
    for (const name of [
      "夏色スターライト_cover jpop.jpg",
      "ごーいん!_cover jpop.jpg",
      "Sparkle☆Drops_image.jpg",
      "a+b (c).png",
    ]) {
      const raw = await fetch(`${station.url}/covers/${name}`);
      const encoded = await fetch(`${station.url}/covers/${encodeURIComponent(name)}`);
      expect(raw.status).toBe(200);
      expect(encoded.status).toBe(200);
      expect(await raw.text()).toBe(await encoded.text());
    }
    const images = station.state().images;
    expect(images).toContain("/covers/夏色スターライト_cover jpop.jpg");
    expect(images).toContain("/covers/a+b (c).png");
  });

  it("serves avatars, banners, event images and unknown names, with stable colours", async () => {
    for (const path of [
      "/avatars/%E3%81%8B%E3%81%AA_avatar.png",
      "/banners/kana%20banner.jpg",
      "/events/throwback.png",
      "/covers/does-not-exist.webp",
      "/avatars//double-slash.png",
    ]) {
      const res = await fetch(`${station.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
    }
    const a = await (await fetch(`${station.url}/covers/x.jpg`)).text();
    const b = await (await fetch(`${station.url}/covers/x.jpg`)).text();
    const c = await (await fetch(`${station.url}/covers/y.jpg`)).text();
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("escapes names inside the SVG", async () => {
    const res = await fetch(`${station.url}/covers/${encodeURIComponent('<script>"x"&.jpg')}`);
    const svg = await res.text();
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("rejects .. and paths outside the CDN prefixes with 404", async () => {
    for (const path of [
      "/covers/../package.json",
      "/covers/..%2Fpackage.json",
      "/covers/%2e%2e/x.jpg",
      "/artists/a%2Fb.jpg",
      "/covers/",
      "/images/x.jpg",
      "/cover/x.jpg",
    ]) {
      const res = await rawGet(station, path);
      expect(res.status, path).toBe(404);
    }
  });

  it("records image requests by path", async () => {
    station.reset();
    await fetch(`${station.url}/covers/${encodeURIComponent("100% Sunshine_cover.png")}`);
    await fetch(`${station.url}/artists/NOVA9_image.jpg`);
    const images = (await (await fetch(`${station.url}/__control/state`)).json()).images;
    expect(images).toEqual(["/covers/100% Sunshine_cover.png", "/artists/NOVA9_image.jpg"]);
  });
});
