import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { expectTranslation } from "@/testing/dictionary-shape";
import { loginMessages } from "../login-messages";

describe("the login dialog's words", () => {
  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(loginMessages, language);
  });

  it("names the code's length in each language", () => {
    for (const language of LANGUAGES) expect(loginMessages[language].enterCode(6)).toContain("6");
  });
});
