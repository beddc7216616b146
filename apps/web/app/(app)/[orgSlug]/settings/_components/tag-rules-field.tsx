"use client";

export interface TagRule {
  key: string;
  values: string[];
}

/** Edits [{ key, values[] }] as one line per tag: `Key = value1, value2`. */
export function tagRulesToText(rules: TagRule[]): string {
  return rules.map((r) => `${r.key} = ${r.values.join(", ")}`).join("\n");
}

export function textToTagRules(text: string): TagRule[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [key = "", values = ""] = line.split("=");
      return { key: key.trim(), values: values.split(",").map((v) => v.trim()).filter(Boolean) };
    });
}

export function TagRulesField({ id, value, onChange }: { id: string; value: string; onChange: (text: string) => void }) {
  return <textarea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} className="mono" />;
}
