// One lint config for the whole repo. Kept deliberately fast (no type-aware rules): tsc is the type gate.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**", "**/.turbo/**", "e2e/test-results/**", "e2e/playwright-report/**", "**/next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", fetch: "readonly", AbortController: "readonly", TextEncoder: "readonly", TextDecoder: "readonly", structuredClone: "readonly", performance: "readonly", queueMicrotask: "readonly", Response: "readonly", Request: "readonly", Headers: "readonly", crypto: "readonly", window: "readonly", document: "readonly", navigator: "readonly", setImmediate: "readonly", FormData: "readonly", Blob: "readonly", File: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // The check engine is pure: no I/O, no database, no cloud SDKs (issue 3).
    files: ["packages/controls/src/**/*.ts"],
    ignores: ["packages/controls/src/cli/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:fs*", "node:net", "node:http*", "node:child_process", "fs", "http", "https", "net", "@aws-sdk/*", "@azure/*", "@prisma/*", "pg", "@safeguard/db", "@safeguard/core"] }],
    },
  },
  {
    // Client components never touch the database or use cases directly.
    files: ["apps/web/**/_components/**/*.{ts,tsx}", "apps/web/components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["@safeguard/db", "@safeguard/db/*", "@safeguard/core", "@safeguard/core/*", "@prisma/*"] }] },
  },
);
