import { describe } from "vitest";
import { registerScenarios } from "./scenarios";
import { setUpEngineSuite } from "./suite";

const suite = setUpEngineSuite("chromium");

describe("chromium", () => {
  registerScenarios(suite, { safariPath: true });
});
