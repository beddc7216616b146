#!/usr/bin/env bash
# Runs every workspace's vitest suite (two at a time: this machine has 2 cores) and prints one
# closing line "N passed, N failed" summed over all of them.
set -uo pipefail
cd "$(dirname "$0")/.."
export SAFEGUARD_TEST_REPORT_DIR
SAFEGUARD_TEST_REPORT_DIR=$(mktemp -d)
status=0
npx turbo run test --concurrency=2 --continue --output-logs=errors-only || status=$?
node -e '
  const fs = require("fs"); const dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(dir)) {
    try { const r = JSON.parse(fs.readFileSync(dir + "/" + f, "utf8"));
      passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
    } catch {}
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  if (process.argv[2]) fs.writeFileSync(process.argv[2], `${passed} ${failed} ${skipped}\n`);
' "$SAFEGUARD_TEST_REPORT_DIR" "${SAFEGUARD_SUMMARY_FILE:-}"
rm -rf "$SAFEGUARD_TEST_REPORT_DIR"
exit $status
