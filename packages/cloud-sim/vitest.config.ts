// MSAL (inside @azure/identity) only talks to https authorities, so the simulator serves Entra over TLS with
// a self-signed certificate. Node reads NODE_EXTRA_CA_CERTS once at process start: setting it here, in the
// main vitest process before workers fork, is the same configuration-only trust a real deployment would use.
import { defineConfig } from "vitest/config";
import { ensureCertificate } from "./src/tls";

process.env.NODE_EXTRA_CA_CERTS = ensureCertificate().certPath;

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
