/** Both dictionaries at once, for tests and tools; the app itself loads Japanese on demand. */
import { ENGLISH, type Language, type Messages } from "./i18n";
import { ja } from "./i18n-ja";

export const DICTIONARIES: Readonly<Record<Language, Messages>> = { en: ENGLISH, ja };
