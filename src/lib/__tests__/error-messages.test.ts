import { describe, it } from "vitest";
import { expectTranslation } from "@/testing/dictionary-shape";
import { errorMessages } from "../error-messages";
import { LANGUAGES } from "../i18n";

describe("the request errors' words", () => {
  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(errorMessages, language);
  });
});
