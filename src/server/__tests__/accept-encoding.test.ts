import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickEncoding } from "../accept-encoding.mjs";

describe("picking a compression from Accept-Encoding", () => {
  it.each([
    [undefined, null],
    ["", null],
    ["identity", null],
    ["gzip", "gzip"],
    ["br", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["br;q=0, gzip", "gzip"],
    ["BR;Q=0, GZIP", "gzip"],
    ["br; q=0, gzip; q=0", null],
    ["br;q=0", null],
    ["br;q=0.000, gzip;q=0.001", "gzip"],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["gzip;q=0.5, br;q=0.5", "br"],
    ["*", "br"],
    ["*;q=0", null],
    ["br;q=0, *", "gzip"],
    ["gzip;q=0, *;q=0.3", "br"],
    ["gzip;q=abc", null],
    ["br;q=2, gzip", "gzip"],
    ["gzipx, xbr", null],
    [",,; ;q=1,", null],
  ])("%j gives %j", (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });

  it("never picks a coding the client gave q=0, whatever else the header says", () => {
    const coding = fc.constantFrom("br", "gzip", "deflate", "identity", "*", "zstd");
    const q = fc.constantFrom("", ";q=0", ";q=0.0", ";q=0.5", ";q=1", ";q=0.001", " ; q=0");
    fc.assert(
      fc.property(fc.array(fc.tuple(coding, q), { maxLength: 6 }), (parts) => {
        const header = parts.map(([name, weight]) => `${name}${weight}`).join(", ");
        const picked = pickEncoding(header);
        if (picked === null) return;
        const first = parts.find(([name]) => name === picked) ?? parts.find(([name]) => name === "*");
        expect(first, `${picked} was offered in ${header}`).toBeDefined();
        expect(Number(first?.[1].replace(/[^\d.]/g, "") || 1)).toBeGreaterThan(0);
      }),
    );
  });
});
