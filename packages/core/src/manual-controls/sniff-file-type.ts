// What a file really is, from its first bytes, not from its name or the browser's claim. Only
// formats people use for compliance evidence are accepted: PDF, PNG, JPEG, plain text, CSV, and
// Office documents (DOCX/XLSX, which are zip containers with a known layout).
export interface SniffedType {
  contentType: string;
  extension: string;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

function containsAscii(b: Uint8Array, needle: string): boolean {
  const n = Buffer.from(needle, "latin1");
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(n);
}

function isUtf8Text(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** null = not an accepted evidence format. `fileName` only chooses between text and CSV. */
export function sniffFileType(bytes: Uint8Array, fileName: string): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: "application/pdf", extension: "pdf" }; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: "image/png", extension: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // OOXML: a zip whose entries include [Content_Types].xml and word/ or xl/ parts (names are stored uncompressed).
    if (!containsAscii(bytes, "[Content_Types].xml")) return null;
    if (containsAscii(bytes, "word/")) return { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" };
    if (containsAscii(bytes, "xl/")) return { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" };
    return null;
  }
  if (bytes.length > 0 && isUtf8Text(bytes)) {
    return /\.csv$/i.test(fileName) ? { contentType: "text/csv", extension: "csv" } : { contentType: "text/plain", extension: "txt" };
  }
  return null;
}
