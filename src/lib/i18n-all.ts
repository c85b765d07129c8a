/** Every dictionary at once, for tests and tools; the app itself loads all but English on demand. */
import { ENGLISH, type Language, type Messages } from "./i18n";
import { ja } from "./i18n-ja";
import { ko } from "./i18n-ko";

export const DICTIONARIES: Readonly<Record<Language, Messages>> = { en: ENGLISH, ja, ko };
