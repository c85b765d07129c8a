import { describe } from "vitest";
import { registerScenarios } from "./scenarios";
import { setUpEngineSuite } from "./suite";

const suite = setUpEngineSuite("firefox");

describe("firefox", () => {
  registerScenarios(suite);
});
