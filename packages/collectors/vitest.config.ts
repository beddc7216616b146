import { trustSimulatorCertificate } from "./test/sim-ca.ts";
import { sharedVitestConfig } from "../../tooling/vitest.shared.ts";

trustSimulatorCertificate();

export default sharedVitestConfig(import.meta.url);
