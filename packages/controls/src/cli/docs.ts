// Writes docs/controls.md from the catalog.
import { writeFileSync } from "node:fs";
import { renderControlsDoc } from "../docs/render";
import { CONTROLS_DOC_PATH } from "../docs/path";

writeFileSync(CONTROLS_DOC_PATH, renderControlsDoc());
process.stdout.write(`wrote ${CONTROLS_DOC_PATH}\n`);
