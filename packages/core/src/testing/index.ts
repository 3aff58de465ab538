export { createTestContext } from "./create-test-context.js";
export type { TestContext, TestContextOptions } from "./create-test-context.js";
