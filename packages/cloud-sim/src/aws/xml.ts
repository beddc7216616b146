// Minimal XML writing for the query protocols' replies.
export function xmlEscape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** Renders `{Tag: value}` objects; arrays render as repeated `<member>` (or the given item tag) children. */
export function toXml(value: XmlValue, itemTag = "member"): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map((v) => `<${itemTag}>${toXml(v, itemTag)}</${itemTag}>`).join("");
  if (typeof value === "object") {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v, itemTag)}</${k}>`)
      .join("");
  }
  return xmlEscape(String(value));
}
