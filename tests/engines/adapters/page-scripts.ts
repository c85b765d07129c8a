/**
 * Page-side helpers shared by the adapters, as source text: each engine ships them into the page its
 * own way (DevTools, BiDi, WebDriver). Keeping them as text also keeps the test runner's transforms
 * (helper names it may inject) out of code that runs in the browser.
 */
import { findInPage, type WireQuery } from "../driver";

const FINDER = findInPage.toString();

/** An expression that evaluates to the array of matching elements. */
export function finderExpression(query: WireQuery): string {
  return `(${FINDER})(${JSON.stringify(query)})`;
}

/** An expression that calls `fn` with `args` (JSON) and evaluates to its (awaited) result. */
export function callExpression(fn: (...args: never[]) => unknown, args: unknown[]): string {
  return `(${fn.toString()})(...${JSON.stringify(args)})`;
}

/**
 * For engines whose driver cannot report page errors (WebKit over classic WebDriver): record them in
 * the page. Installed after each navigation, so an error thrown while the page first loads is missed.
 */
export const RECORD_ERRORS = `(() => {
  if (window.__lmErrors) return;
  const errors = (window.__lmErrors = []);
  window.addEventListener("error", (e) => errors.push("pageerror: " + (e.message || e.type)));
  window.addEventListener("unhandledrejection", (e) => errors.push("unhandledrejection: " + String(e.reason)));
  const original = console.error.bind(console);
  console.error = (...args) => { errors.push("console: " + args.map(String).join(" ")); original(...args); };
})()`;
