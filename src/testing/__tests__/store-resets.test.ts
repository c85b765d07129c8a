/** Every store in the app is reset between tests: a new store without a reset in setup-tests fails here. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { STORE_RESETS } from "../setup-tests";

const SRC = resolve(__dirname, "../..");
/** Stores whose owner resets them: the islands' readiness belongs to the session, disposed after each test. */
const RESET_BY_THEIR_OWNER = new Set(["app/islands.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "__tests__" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const storeModules = sourceFiles(SRC)
  .filter((path) => /=\s*create(Selectable|Persisted)Store</.test(readFileSync(path, "utf8")))
  .map((path) => relative(SRC, path))
  .filter((path) => !RESET_BY_THEIR_OWNER.has(path) && path !== "lib/persisted-store.ts");

describe("test isolation", () => {
  it("finds the stores", () => {
    expect(storeModules.length).toBeGreaterThanOrEqual(8);
  });

  it.each(storeModules)("resets the store in %s after every test", async (path) => {
    const module = (await import(`../../${path.replace(/\.tsx?$/, "")}`)) as Record<string, unknown>;
    const resets = Object.entries(module).filter(
      ([name, value]) => /^reset[A-Z]/.test(name) && typeof value === "function",
    );
    expect(resets.length, `${path} exports a reset function`).toBeGreaterThan(0);
    for (const [, reset] of resets) expect(STORE_RESETS).toContain(reset);
  });
});
