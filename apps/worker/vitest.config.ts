import { sharedVitestConfig } from "../../tooling/vitest.shared";

export default sharedVitestConfig(import.meta.url);
