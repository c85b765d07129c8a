import { describe } from "vitest";
import { registerScenarios } from "./scenarios";
import { setUpEngineSuite } from "./suite";

const suite = setUpEngineSuite("webkit");

describe("webkit", () => {
  registerScenarios(suite, { safariPath: true });
});
