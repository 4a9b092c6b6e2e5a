/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // office-addin-mock needs office-addin-manifest, which is ESM-only: a stub stands in for it.
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/test/excel/office-addin-manifest-stub.ts",
  },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  // Every core (jest's default leaves one idle: on a 2-core machine, half the machine).
  maxWorkers: "100%",
  // No test asserts a duration: the limit only catches a test that hangs, so a busy machine
  // never turns a slow but correct test red.
  testTimeout: 600_000,
};
