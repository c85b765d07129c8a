/** Composition: the language setting (auto, English, Japanese, Korean) applied to the dictionary and <html lang>. */
import { getSettings, subscribeToSettings } from "@/features/settings/settings-store";
import { browserLanguages, languageFor, setLanguage } from "@/lib/i18n";

/** Applies the language setting now and on every change; `ready` settles when the first choice shows. */
export function startLanguage(window: Window): { ready: Promise<void>; stop: () => void } {
  const { document } = window;
  const apply = () => {
    const language = languageFor(getSettings().language, browserLanguages());
    return setLanguage(language).then(() => {
      // A choice made while this language's words were loading has won: its own apply sets lang.
      if (languageFor(getSettings().language, browserLanguages()) === language)
        document.documentElement.lang = language;
    });
  };
  const ready = apply();
  // "Automatic" follows the browser when its preferred languages change.
  const reapply = () => void apply();
  window.addEventListener("languagechange", reapply);
  const unsubscribe = subscribeToSettings((s) => s.language, reapply);
  return {
    ready,
    stop: () => {
      window.removeEventListener("languagechange", reapply);
      unsubscribe();
    },
  };
}
