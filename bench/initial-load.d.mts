// Types for initial-load.mjs, so the TypeScript budget test can import it.

export const BUDGET_BYTES: number;
export const AIM_BYTES: number;

export interface InitialFile {
  /** Path under the build folder, e.g. "assets/index-abc.js"; "index.html#inline-script-1" for inline ones. */
  path: string;
  kind: "js" | "css";
  /** "index.html", or the file that imports it statically. */
  via: string;
  raw: number;
  gzip: number;
}

export interface Sizes {
  raw: number;
  gzip: number;
}

export interface InitialLoad {
  files: InitialFile[];
  js: Sizes;
  css: Sizes;
  total: Sizes;
}

export function htmlAssets(html: string): {
  entries: string[];
  preloads: string[];
  css: string[];
  /** The text of each inline script. */
  inline: string[];
};
export function staticImports(code: string): string[];
export function initialLoad(dist: string): InitialLoad;
