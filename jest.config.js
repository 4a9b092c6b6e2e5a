/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // office-addin-mock needs office-addin-manifest, which is ESM-only: a stub stands in for it.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/excel/office-addin-manifest-stub.ts" },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
};
