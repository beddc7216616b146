// MSAL only talks to https authorities; the simulator's self-signed certificate is trusted the way
// production trusts a corporate CA: NODE_EXTRA_CA_CERTS, read by each process at start (so this runs
// in vitest configs, before the test processes are forked). The machine may already point that
// variable at a bundle, so the simulator's certificate is appended to a copy rather than replacing it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureCertificate } from "../../cloud-sim/src/tls.ts";

export function trustSimulatorCertificate(): string {
  const cert = ensureCertificate();
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  if (existing === cert.certPath || existing?.endsWith("with-sim.pem")) return existing;
  const bundle = join(dirname(cert.certPath), "with-sim.pem");
  const base = existing && existsSync(existing) ? readFileSync(existing, "utf8") : "";
  writeFileSync(bundle, `${base}\n${readFileSync(cert.certPath, "utf8")}`);
  process.env.NODE_EXTRA_CA_CERTS = bundle;
  return bundle;
}
