/**
 * The one small interface every engine adapter implements, so each scenario is written once and run
 * in Chromium, Firefox and WebKit. Elements are found by role and accessible name (or by text) with
 * the same in-page finder in every engine, then clicked and typed into with the engine's own input
 * (real pointer and key events, not synthetic DOM events).
 */

export type EngineName = "chromium" | "firefox" | "webkit";

/** A pattern that survives JSON: a string matches exactly (after whitespace folding), a RegExp by test. */
export type TextMatch = string | RegExp;

export interface Query {
  role?: string;
  name?: TextMatch;
  /** Any visible element whose own text matches (the innermost one). */
  text?: TextMatch;
  /** Heading level, with role "heading". */
  level?: number;
  /** Search inside the first element this query finds. */
  within?: Query;
}

export interface EngineElement {
  click(): Promise<void>;
  /** Focuses the field and types `text` with the engine's keyboard (fields start empty in these tests). */
  type(text: string): Promise<void>;
  text(): Promise<string>;
  attribute(name: string): Promise<string | null>;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface EnginePage {
  goto(url: string): Promise<void>;
  /** Waits up to `timeoutMs` for the first visible element matching `query`. */
  find(query: Query, timeoutMs?: number): Promise<EngineElement>;
  /** How many visible elements match now (no waiting). */
  count(query: Query): Promise<number>;
  /** Runs `fn` in the page with JSON-serialisable `args`; awaits a returned promise. */
  evaluate<A extends unknown[], T>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>>;
  screenshot(path: string): Promise<void>;
  /** Uncaught exceptions, unhandled rejections and console errors seen so far. */
  pageErrors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: Viewport;
  /** Script source run in every document before the app's own scripts (where the engine can). */
  initScript?: string;
}

export interface Engine {
  readonly name: EngineName;
  /** The browser's own version string, for the report and the README table. */
  readonly version: string;
  /**
   * The narrowest page this engine can show. MiniBrowser's window (WebKitGTK) cannot shrink below its
   * toolbar, about 447 px; the others go down to any width.
   */
  readonly minWidth: number;
  open(options?: OpenOptions): Promise<EnginePage>;
  quit(): Promise<void>;
}

export const DESKTOP: Viewport = { width: 1280, height: 800 };
export const PHONE: Viewport = { width: 360, height: 780 };

/** A query as it travels into the page: RegExps as source and flags. */
export type WireMatch = { exact: string } | { source: string; flags: string };
export interface WireQuery {
  role?: string;
  name?: WireMatch;
  text?: WireMatch;
  level?: number;
  within?: WireQuery;
}

function toWire(match: TextMatch | undefined): WireMatch | undefined {
  if (match === undefined) return undefined;
  return typeof match === "string" ? { exact: match } : { source: match.source, flags: match.flags };
}

export function wireQuery(query: Query): WireQuery {
  return {
    role: query.role,
    name: toWire(query.name),
    text: toWire(query.text),
    level: query.level,
    within: query.within && wireQuery(query.within),
  };
}

export function describeQuery(query: Query): string {
  const own = [
    query.role && `role=${query.role}`,
    query.name !== undefined && `name=${String(query.name)}`,
    query.text !== undefined && `text=${String(query.text)}`,
    query.level !== undefined && `level=${query.level}`,
  ]
    .filter(Boolean)
    .join(" ");
  return query.within ? `${describeQuery(query.within)} >> ${own}` : own;
}

/**
 * Runs in the page: every visible element matching the query, in document order. A small subset of
 * the ARIA role and accessible-name rules, enough for this app's markup (explicit roles, the implicit
 * roles of the tags it uses, aria-labelledby, aria-label, <label>, content, title).
 */
export function findInPage(query: WireQuery): Element[] {
  const IMPLICIT: Record<string, string> = {
    BUTTON: "button",
    A: "link",
    H1: "heading",
    H2: "heading",
    H3: "heading",
    H4: "heading",
    H5: "heading",
    H6: "heading",
    LI: "listitem",
    UL: "list",
    OL: "list",
    NAV: "navigation",
    MAIN: "main",
    DIALOG: "dialog",
    IMG: "img",
    TEXTAREA: "textbox",
    SELECT: "combobox",
    OUTPUT: "status",
  };
  const INPUT_ROLES: Record<string, string> = {
    checkbox: "checkbox",
    radio: "radio",
    range: "slider",
    button: "button",
    submit: "button",
    text: "textbox",
    email: "textbox",
    password: "textbox",
    search: "searchbox",
    tel: "textbox",
    url: "textbox",
  };
  const fold = (s: string) => s.replace(/\s+/g, " ").trim();
  const matches = (value: string, match: WireMatch | undefined) => {
    if (!match) return true;
    if ("exact" in match) return fold(value) === fold(match.exact);
    return new RegExp(match.source, match.flags).test(fold(value));
  };
  const hidden = (el: Element) =>
    el.closest("[aria-hidden='true'],[hidden]") !== null || (el as HTMLElement).getClientRects().length === 0;
  const roleOf = (el: Element): string | null => {
    const explicit = el.getAttribute("role");
    if (explicit) return explicit.split(" ")[0];
    if (el.tagName === "INPUT") return INPUT_ROLES[(el as HTMLInputElement).type] ?? null;
    if (el.tagName === "SECTION")
      return el.hasAttribute("aria-label") || el.hasAttribute("aria-labelledby") ? "region" : null;
    if (el.tagName === "A" && !el.hasAttribute("href")) return null;
    return IMPLICIT[el.tagName] ?? null;
  };
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
    if (!(node instanceof Element)) return "";
    if (node.getAttribute("aria-hidden") === "true") return "";
    if (node.tagName === "IMG") return node.getAttribute("alt") ?? "";
    if (node.hasAttribute("aria-label")) return node.getAttribute("aria-label") ?? "";
    return [...node.childNodes].map(textOf).join("");
  };
  const nameOf = (el: Element): string => {
    const labelledBy = el.getAttribute("aria-labelledby");
    if (labelledBy)
      return labelledBy
        .split(/\s+/)
        .map((id) => {
          const ref = document.getElementById(id);
          return ref ? textOf(ref) : "";
        })
        .join(" ");
    const label = el.getAttribute("aria-label");
    if (label) return label;
    if (el.tagName === "IMG") return el.getAttribute("alt") ?? "";
    if (
      el instanceof HTMLInputElement ||
      el instanceof HTMLTextAreaElement ||
      el instanceof HTMLSelectElement
    ) {
      const labels = el.labels ? [...el.labels].map(textOf).join(" ") : "";
      return labels || el.getAttribute("placeholder") || el.getAttribute("title") || "";
    }
    const role = roleOf(el);
    const fromContent = [
      "button",
      "link",
      "tab",
      "heading",
      "checkbox",
      "radio",
      "listitem",
      "menuitem",
      "option",
      "switch",
      "cell",
    ];
    if (role && fromContent.includes(role)) return textOf(el) || el.getAttribute("title") || "";
    return el.getAttribute("title") ?? "";
  };
  const search = (root: ParentNode, q: WireQuery): Element[] => {
    let scopes: ParentNode[] = [root];
    if (q.within) scopes = search(root, q.within).slice(0, 1);
    const found: Element[] = [];
    for (const scope of scopes) {
      for (const el of scope.querySelectorAll("*")) {
        // Cheap tests first; visibility (which needs layout) last.
        if (q.role) {
          if (roleOf(el) !== q.role) continue;
          if (
            q.level !== undefined &&
            el.tagName !== `H${q.level}` &&
            el.getAttribute("aria-level") !== String(q.level)
          )
            continue;
          if (!matches(nameOf(el), q.name)) continue;
        }
        if (q.text) {
          if (!matches(el.textContent ?? "", q.text)) continue;
          // The innermost element with this text, not every ancestor of it.
          if ([...el.children].some((child) => !hidden(child) && matches(child.textContent ?? "", q.text)))
            continue;
        }
        if (hidden(el)) continue;
        found.push(el);
      }
    }
    return found;
  };
  return search(document, query);
}
