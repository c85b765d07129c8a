/**
 * The import rules of docs/architecture.md, as Biome enforces them: files are planted in a copy of
 * the source layout, linted with the project's own biome.json, and each must pass or fail as the
 * rules say. A rule that stops firing (or fires where it must not) fails here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");
const FEATURES = readdirSync(join(ROOT, "src/features"));

interface Plant {
  path: string;
  from: string;
  allowed: boolean;
}

const plants: Plant[] = [
  ...FEATURES.flatMap((feature) => [
    ...FEATURES.filter((other) => other !== feature).map((other) => ({
      path: `src/features/${feature}/components/uses-${other}.tsx`,
      from: `@/features/${other}/thing`,
      allowed: false,
    })),
    { path: `src/features/${feature}/api/own.ts`, from: `@/features/${feature}/model/thing`, allowed: true },
    { path: `src/features/${feature}/api/relative.ts`, from: "../model/thing", allowed: true },
    { path: `src/features/${feature}/api/climbs-out.ts`, from: "../../other/thing", allowed: false },
    { path: `src/features/${feature}/__tests__/app.test.ts`, from: "@/app/session", allowed: false },
    { path: `src/features/${feature}/uses-lib.ts`, from: "@/lib/config", allowed: true },
    { path: `src/features/${feature}/uses-components.ts`, from: "@/components/ui/icons", allowed: true },
  ]),
  { path: "src/lib/uses-feature.ts", from: `@/features/${FEATURES[0]}/thing`, allowed: false },
  { path: "src/lib/uses-app.ts", from: "@/app/session", allowed: false },
  { path: "src/components/ui/uses-feature.tsx", from: `@/features/${FEATURES[0]}/thing`, allowed: false },
  { path: "src/app/uses-features.ts", from: `@/features/${FEATURES[0]}/thing`, allowed: true },
];

let flagged = new Set<string>();
let workdir = "";

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), "lm-boundaries-"));
  const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8")) as Record<string, unknown>;
  delete config.$schema;
  writeFileSync(join(workdir, "biome.json"), JSON.stringify(config));
  for (const { path, from } of plants) {
    mkdirSync(dirname(join(workdir, path)), { recursive: true });
    writeFileSync(
      join(workdir, path),
      `import { thing } from "${from}";\n\nexport const planted = [thing];\n`,
    );
  }
  const biome = join(ROOT, "node_modules/.bin/biome");
  const run = spawnSync(biome, ["lint", "--reporter=json", "--max-diagnostics=none", "."], {
    cwd: workdir,
    encoding: "utf8",
  });
  const report = JSON.parse(run.stdout) as {
    diagnostics: { category: string; location: { path: string } }[];
  };
  flagged = new Set(
    report.diagnostics
      .filter((d) => d.category === "lint/style/noRestrictedImports")
      .map((d) => d.location.path.replaceAll("\\", "/")),
  );
}, 60_000);

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe("import boundaries (npm run lint)", () => {
  it("covers every feature folder", () => {
    expect(FEATURES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(plants.map((p) => [p.allowed ? "allows" : "refuses", p.from, p.path] as const))(
    "%s %s in %s",
    (verdict, _from, path) => {
      expect(flagged.has(path)).toBe(verdict === "refuses");
    },
  );
});
