/**
 * Build step: every module the entry reaches through static imports goes into one chunk. Left alone,
 * Rolldown cuts modules that lazy chunks share with the first screen (React, the stores, the English
 * words) into small shared chunks of their own; each extra file costs the first screen its imports,
 * exports and a gzip stream of its own (over 1 kB in all). The lazy chunks import from this one.
 */
import type { Plugin } from "vite";

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { isEntry: boolean; importedIds: readonly string[] } | null;
}

/** The modules reachable from the entries by static imports alone. */
export function staticallyReachable(graph: ModuleGraph): Set<string> {
  const reached = new Set<string>();
  const queue = [...graph.getModuleIds()].filter((id) => graph.getModuleInfo(id)?.isEntry);
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return reached;
}

export function firstScreenChunkPlugin(): Plugin {
  let firstScreen = new Set<string>();
  return {
    name: "first-screen-chunk",
    apply: "build",
    buildEnd() {
      firstScreen = staticallyReachable(this);
    },
    outputOptions(options) {
      return {
        ...options,
        codeSplitting: {
          groups: [{ name: "index", test: (id: string) => firstScreen.has(id), priority: 10 }],
        },
      };
    },
  };
}
