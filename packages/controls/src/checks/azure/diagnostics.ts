// Azure Monitor diagnostic settings (the `value` array of {id}/providers/microsoft.insights/diagnosticSettings).
import { asArray, isObj } from "../../lib/path";

/** Does any setting enable one of the categories (or a covering category group)? */
export function diagnosticCategoryEnabled(settings: readonly unknown[], categories: readonly string[], groups: readonly string[] = []): boolean {
  for (const s of settings) {
    const props = isObj(s) && isObj(s.properties) ? s.properties : undefined;
    if (!props) continue;
    for (const l of asArray(props.logs)) {
      if (!isObj(l) || l.enabled !== true) continue;
      if (typeof l.category === "string" && categories.includes(l.category)) return true;
      if (typeof l.categoryGroup === "string" && groups.includes(l.categoryGroup)) return true;
    }
  }
  return false;
}

/** The enabled categories across all settings. */
export function enabledCategories(settings: readonly unknown[]): Set<string> {
  const out = new Set<string>();
  for (const s of settings) {
    const props = isObj(s) && isObj(s.properties) ? s.properties : undefined;
    for (const l of asArray(props?.logs)) if (isObj(l) && l.enabled === true && typeof l.category === "string") out.add(l.category);
  }
  return out;
}
