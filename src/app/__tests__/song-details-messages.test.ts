import { describe, it } from "vitest";
import { LANGUAGES } from "@/lib/i18n";
import { expectTranslation } from "@/testing/dictionary-shape";
import { songDetailsMessages } from "../song-details-messages";

describe("the song details dialog's words", () => {
  it.each(LANGUAGES)("%s has English's keys, a text for each, and its own wording", (language) => {
    expectTranslation(songDetailsMessages, language);
  });
});
