// A self-signed certificate for the HTTPS listener. MSAL (inside @azure/identity) refuses non-https
// authorities, so the Entra endpoints must be served over TLS; clients trust this certificate through
// configuration only: NODE_EXTRA_CA_CERTS=<certPath> (read by Node at process start).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Certificate {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

export function defaultCertificateDir(): string {
  return process.env.SIM_TLS_DIR ?? join(tmpdir(), "safeguard-cloud-sim", "tls");
}

/** Creates (once) and returns the simulator's certificate for 127.0.0.1 / localhost. */
export function ensureCertificate(dir = defaultCertificateDir()): Certificate {
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(dir, { recursive: true });
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650", "-keyout", keyPath, "-out", certPath,
      "-subj", "/CN=safeguard-cloud-sim", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-addext", "basicConstraints=critical,CA:TRUE",
    ], { stdio: "ignore" });
  }
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
