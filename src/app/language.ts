/** Composition: the language setting (auto, English, Japanese) applied to the dictionary and <html lang>. */
import { getSettings, subscribeToSettings } from "@/features/settings/settings-store";
import { browserLanguages, languageFor, setLanguage } from "@/lib/i18n";

export function startLanguage(): () => void {
  const apply = () => {
    const language = languageFor(getSettings().language, browserLanguages());
    setLanguage(language);
    document.documentElement.lang = language;
  };
  apply();
  // "Automatic" follows the browser when its preferred languages change.
  window.addEventListener("languagechange", apply);
  const unsubscribe = subscribeToSettings((s) => s.language, apply);
  return () => {
    window.removeEventListener("languagechange", apply);
    unsubscribe();
  };
}
