import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { expectTranslation } from "@/testing/dictionary-shape";
import { searchMessages } from "../messages";

describe("the search's words", () => {
  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(searchMessages, language);
  });

  it("counts one song and many in English", () => {
    expect(searchMessages.en.found(1, "1", "ai")).toBe("1 song matches “ai”");
    expect(searchMessages.en.found(1234, "1,234", "ai")).toBe("1,234 songs match “ai”");
  });
});
