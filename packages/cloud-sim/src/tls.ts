// A self-signed certificate for the HTTPS listener. MSAL (inside @azure/identity) refuses non-https
// authorities, so the Entra endpoints must be served over TLS; clients trust this certificate through
// configuration only: NODE_EXTRA_CA_CERTS=<certPath> (read by Node at process start).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Certificate {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

export function defaultCertificateDir(): string {
  return process.env.SIM_TLS_DIR ?? join(tmpdir(), "safeguard-cloud-sim", "tls");
}

/**
 * Creates (once) and returns the simulator's certificate for 127.0.0.1 / localhost. Several processes may
 * ask at the same moment (test workspaces run in parallel): each generates into its own temporary folder
 * and renames it into place, so a reader never sees a certificate paired with another process's key.
 */
export function ensureCertificate(dir = defaultCertificateDir()): Certificate {
  const certPath = join(dir, "cert.pem");
  const keyPath = join(dir, "key.pem");
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    const parent = dirname(dir);
    mkdirSync(parent, { recursive: true });
    const staging = mkdtempSync(join(parent, ".tls-"));
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650", "-keyout", join(staging, "key.pem"), "-out", join(staging, "cert.pem"),
      "-subj", "/CN=safeguard-cloud-sim", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-addext", "basicConstraints=critical,CA:TRUE",
    ], { stdio: "ignore" });
    try {
      renameSync(staging, dir);
    } catch {
      // Another process won the race (or an older folder exists): keep theirs.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(certPath) || !existsSync(keyPath)) throw new Error(`cannot create the simulator certificate in ${dir}`);
    }
  }
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
