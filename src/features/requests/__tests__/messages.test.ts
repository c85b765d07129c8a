import { describe, it } from "vitest";
import { expectTranslation } from "@/testing/dictionary-shape";
import { requestsMessages } from "../messages";

describe("the requests feature's words", () => {
  it.each(["en", "ja", "ko"] as const)("are complete in %s", (language) => {
    expectTranslation(requestsMessages, language);
  });
});
