import type { Config } from "tailwindcss";

// Station colour identity. The active station sets --station-* on <html>; these tokens read them.
export default {
  theme: {
    extend: {
      colors: {
        jpop: { DEFAULT: "#ff3d8b", soft: "#ffd1e3" },
        kpop: { DEFAULT: "#3b82f6", soft: "#cfe0ff" },
        station: {
          DEFAULT: "var(--station)",
          soft: "var(--station-soft)",
        },
        ink: { DEFAULT: "#0e0f14", raised: "#171922", line: "#262a36", muted: "#9aa1b2" },
      },
      fontFamily: {
        sans: ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Noto Sans CJK JP", "sans-serif"],
      },
    },
  },
} satisfies Config;
