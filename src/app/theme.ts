/** Composition: the theme setting (system, light, dark) applied to <html data-theme>, following the OS when "system". */
import { getSettings, subscribeToSettings, type ThemeChoice } from "@/features/settings/settings-store";

function resolve(choice: ThemeChoice, prefersDark: boolean): "light" | "dark" {
  return choice === "system" ? (prefersDark ? "dark" : "light") : choice;
}

export function startTheme(window: Window): () => void {
  const media = window.matchMedia?.("(prefers-color-scheme: dark)");
  const { document } = window;
  const apply = () => {
    document.documentElement.dataset.theme = resolve(getSettings().theme, media?.matches ?? true);
  };
  apply();
  media?.addEventListener("change", apply);
  const unsubscribe = subscribeToSettings((s) => s.theme, apply);
  return () => {
    media?.removeEventListener("change", apply);
    unsubscribe();
  };
}
