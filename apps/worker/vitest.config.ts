import { trustSimulatorCertificate } from "../../packages/collectors/test/sim-ca.ts";
import { sharedVitestConfig } from "../../tooling/vitest.shared.ts";

trustSimulatorCertificate();

// End-to-end files spawn worker processes and run real scans: one file at a time on 2 cores.
export default sharedVitestConfig(import.meta.url, { testTimeout: 120_000, fileParallelism: false });
