import type { Page, Route } from "playwright-core";

/**
 * The first paint without the app: the app's scripts wait until released, everything else (index.html
 * with its static shell and gateway bootstrap, the stylesheet) loads.
 */
export async function holdScripts(page: Page) {
  const held: Route[] = [];
  await page.route(/\/assets\/.*\.js$/, (route) => {
    held.push(route);
  });
  return { release: () => Promise.all(held.splice(0).map((route) => route.continue())) };
}

/** The title the static shell shows, or null while its heading is still hidden. */
export const shellTitle = (page: Page) =>
  page.evaluate(() => {
    const heading = document.getElementById("lm-shell-title");
    return heading && !heading.hidden ? heading.textContent : null;
  });

/** The title in the app's now-playing card. */
export const appTitle = (page: Page) =>
  page.getByRole("region", { name: "Now playing" }).getByRole("heading", { level: 2 }).textContent();
