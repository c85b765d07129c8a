import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Tags left out: AAA rules (the player targets WCAG AA; AAA's 7:1 contrast would be a new design).
 * Experimental rules run too.
 */
export const AXE_SKIPPED_TAGS = ["wcag2aaa"];

/**
 * Runs every axe-core rule up to WCAG AA in the page: WCAG 2.0-2.2 A and AA, best practices
 * (landmarks, regions, allowed roles), experimental rules and the rules axe switches off unless asked
 * (target size, duplicate ids), so a view passes only with nothing left to flag. It is evaluated through the
 * DevTools protocol, which the page's CSP does not govern, so the policy stays strict during the check.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (skippedTags) => {
    const axe = (
      window as unknown as {
        axe: {
          getRules: () => { ruleId: string; tags: string[] }[];
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    // Named one by one: a WCAG tag list would leave out best practices, and axe's defaults leave out
    // the rules it disables unless asked.
    const rules = axe
      .getRules()
      .filter(({ tags }) => !tags.some((tag) => skippedTags.includes(tag)))
      .map(({ ruleId }) => ruleId);
    const result = await axe.run(document, {
      runOnly: { type: "rule", values: rules },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, AXE_SKIPPED_TAGS);
}
