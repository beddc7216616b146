import "server-only";
import QRCode from "qrcode";

/** An inline SVG of the otpauth:// URI, drawn on the server so no third-party QR service sees the seed. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1, width: 200 });
}
