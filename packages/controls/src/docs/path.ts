import { join } from "node:path";

/** The repository's docs/controls.md (packages/controls/src/docs -> repo root). */
export const CONTROLS_DOC_PATH = join(import.meta.dirname, "..", "..", "..", "..", "docs", "controls.md");
