import { fileURLToPath } from "node:url";
import { mergeConfig } from "vitest/config";
import { sharedVitestConfig } from "../../tooling/vitest.shared";

// `server-only` throws outside Next's react-server build; tests run server modules in plain Node.
export default mergeConfig(sharedVitestConfig(import.meta.url), {
  resolve: { alias: { "server-only": fileURLToPath(new URL("./test/server-only-stub.ts", import.meta.url)) } },
});
