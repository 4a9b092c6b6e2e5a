// office-addin-lint's rules (office.js load/sync checks, prettier, React), run through eslint
// directly: the office-addin-lint CLI reports usage data over the network.
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tsParser from "@typescript-eslint/parser";

const [reactRecommended, ...rest] = officeAddins.configs.react;
// The config that registers @typescript-eslint, prettier and office-addins; widened to .tsx.
const base = rest.find((c) => c.rules && "office-addins/call-sync-after-load" in c.rules);
const others = rest.filter((c) => c !== base);

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "out/**", "test-output/**"] },
  reactRecommended,
  ...others,
  { ...base, files: ["**/*.{js,mjs,cjs,ts,tsx}"] },
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx}"],
    languageOptions: {
      ...base.languageOptions,
      // The plugin's own config loses the parser through an ESM default-import mismatch.
      parser: tsParser,
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node, ...globals.jest },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='toFixed']",
          message: "Scores round like Excel's ROUND: use excelRound from src/engine/decimal.",
        },
      ],
    },
  },
  {
    files: ["src/engine/**/*.ts", "src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "exceljs",
            "react",
            "fs",
            "node:*",
            "**/excel/**",
            "**/xlsx/**",
            "**/taskpane/**",
          ],
        },
      ],
    },
  },
];
