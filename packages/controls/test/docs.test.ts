import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTROLS_DOC_PATH } from "../src/docs/path";
import { renderControlsDoc } from "../src/docs/render";

describe("docs/controls.md", () => {
  it("is in sync with the catalog (run `npm run docs -w @safeguard/controls` after changing checks)", () => {
    expect(readFileSync(CONTROLS_DOC_PATH, "utf8")).toBe(renderControlsDoc());
  });
});
