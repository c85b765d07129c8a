import { describe, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { expectTranslation } from "@/testing/dictionary-shape";
import { accountMessages } from "../account-messages";

describe("the account area's words", () => {
  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(accountMessages, language);
  });
});
