import { describe, expect, it } from "vitest";
import { staticallyReachable } from "../boot/first-screen-chunk";

/** A made-up module graph: static imports only; dynamic ones are simply not in `importedIds`. */
function graph(modules: Record<string, { entry?: boolean; imports?: string[] }>) {
  return {
    getModuleIds: () => Object.keys(modules)[Symbol.iterator](),
    getModuleInfo: (id: string) => {
      const module = modules[id];
      return module ? { isEntry: module.entry ?? false, importedIds: module.imports ?? [] } : null;
    },
  };
}

describe("the first-screen chunk", () => {
  it("takes what the entry reaches by static imports, through cycles, and leaves lazy-only modules out", () => {
    const reached = staticallyReachable(
      graph({
        main: { entry: true, imports: ["app", "react"] },
        app: { imports: ["store", "words"] },
        store: { imports: ["app"] },
        react: {},
        words: {},
        // Imported only by `import()` from app, and importing what the first screen has too.
        "audio-engine": { imports: ["store", "controller"] },
        controller: {},
      }),
    );
    expect([...reached].sort()).toEqual(["app", "main", "react", "store", "words"]);
  });

  it("takes nothing when there is no entry", () => {
    expect(staticallyReachable(graph({ a: { imports: ["b"] }, b: {} })).size).toBe(0);
  });
});
