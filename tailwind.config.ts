import type { Config } from "tailwindcss";

// Station colour identity and theme: <html data-station data-theme> set CSS variables; these tokens read them.
export default {
  theme: {
    extend: {
      colors: {
        jpop: { DEFAULT: "#ff3d8b", soft: "#ffd1e3" },
        kpop: { DEFAULT: "#3b82f6", soft: "#cfe0ff" },
        station: {
          DEFAULT: "var(--station)",
          fill: "var(--station-fill)",
          soft: "var(--station-soft)",
        },
        // Theme tokens: src/index.css sets them per theme (dark, light).
        ink: {
          DEFAULT: "var(--ink)",
          raised: "var(--ink-raised)",
          line: "var(--ink-line)",
          muted: "var(--ink-muted)",
        },
        fg: "var(--fg)",
        danger: "var(--danger)",
        warning: "var(--warning)",
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Noto Sans CJK JP", "sans-serif"],
      },
    },
  },
} satisfies Config;
