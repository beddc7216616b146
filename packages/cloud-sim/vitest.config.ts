// MSAL (inside @azure/identity) only talks to https authorities, so the simulator serves Entra over TLS with
// a self-signed certificate. Node reads NODE_EXTRA_CA_CERTS once at process start: setting it here, in the
// main vitest process before the forked workers start, is the same configuration-only trust a deployment uses.
import { sharedVitestConfig } from "../../tooling/vitest.shared.ts";
import { ensureCertificate } from "./src/tls";

process.env.NODE_EXTRA_CA_CERTS = ensureCertificate().certPath;

export default sharedVitestConfig(import.meta.url, { pool: "forks", testTimeout: 60_000 });
