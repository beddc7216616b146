import { basename, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type ViteUserConfig } from "vitest/config";

/**
 * The one vitest setup every workspace uses. Database and cloud tests are slow-ish on 2 cores, so
 * timeouts are generous; when SAFEGUARD_TEST_REPORT_DIR is set (scripts/vitest-all.sh) each
 * workspace also writes a JSON report so the run can end with one "N passed, N failed" line.
 */
export function sharedVitestConfig(configUrl: string, overrides: ViteUserConfig["test"] = {}): ViteUserConfig {
  const dir = dirname(fileURLToPath(configUrl));
  const reportDir = process.env.SAFEGUARD_TEST_REPORT_DIR;
  return defineConfig({
    test: {
      testTimeout: 30_000,
      hookTimeout: 120_000,
      passWithNoTests: true,
      reporters: reportDir ? ["default", ["json", { outputFile: `${reportDir}/${basename(dirname(dir))}-${basename(dir)}.json` }]] : ["default"],
      ...overrides,
    },
  });
}
