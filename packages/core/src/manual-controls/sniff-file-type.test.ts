import { describe, expect, it } from "vitest";
import { sniffFileType } from "./sniff-file-type";

const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join("\0"), "latin1")]);

describe("sniffFileType", () => {
  it("recognises accepted formats by their bytes, not their names", () => {
    expect(sniffFileType(Buffer.from("%PDF-1.4 ..."), "x.png")?.contentType).toBe("application/pdf");
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "a")?.extension).toBe("png");
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "a")?.extension).toBe("jpg");
    expect(sniffFileType(zip("[Content_Types].xml", "word/document.xml"), "a.zip")?.extension).toBe("docx");
    expect(sniffFileType(zip("[Content_Types].xml", "xl/workbook.xml"), "a")?.extension).toBe("xlsx");
    expect(sniffFileType(Buffer.from("a,b\n1,2\n"), "list.CSV")?.contentType).toBe("text/csv");
    expect(sniffFileType(Buffer.from("policy text ✓"), "notes")?.contentType).toBe("text/plain");
  });

  it("refuses executables, arbitrary zips, binary blobs and invalid UTF-8", () => {
    expect(sniffFileType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]), "x.pdf")).toBeNull();
    expect(sniffFileType(zip("payload.exe"), "x.docx")).toBeNull();
    expect(sniffFileType(Buffer.from([0x61, 0x00, 0x62]), "x.txt")).toBeNull();
    expect(sniffFileType(Buffer.from([0xc3, 0x28]), "x.txt")).toBeNull();
    expect(sniffFileType(Buffer.alloc(0), "x.txt")).toBeNull();
  });
});
