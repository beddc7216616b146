// Citation sets shared by families of checks. Drawn from the mappings gathered in
// shared/reference/controls.csv (Prowler hipaa_aws.json, Steampipe hipaa_security_rule_2003, the AWS Config
// HIPAA conformance pack, Azure Policy's HIPAA HITRUST initiative). Standard-level citations that the sources
// write with "(i)" (e.g. 164.308(a)(3)(i)) are written as the standard (164.308(a)(3)). Two departures, on
// purpose: at-rest encryption does not cite 164.312(e)(2)(ii) (that is transmission), and no check cites
// 164.314(b) (group health plan documents, which cloud configuration cannot show).
export const C = {
  encryptionAtRest: ["164.312(a)(2)(iv)", "164.308(a)(1)(ii)(B)", "164.308(a)(4)(ii)(A)", "164.312(c)(1)"],
  encryptionInTransit: ["164.312(e)(1)", "164.312(e)(2)(i)", "164.312(e)(2)(ii)"],
  keyManagement: ["164.312(a)(2)(iv)", "164.308(a)(1)(ii)(B)"],
  publicAccess: ["164.308(a)(1)(ii)(B)", "164.308(a)(3)", "164.308(a)(4)(ii)(A)", "164.312(a)(1)"],
  network: ["164.308(a)(1)(ii)(B)", "164.312(a)(1)", "164.312(e)(1)"],
  auditLogging: ["164.312(b)", "164.308(a)(1)(ii)(D)", "164.308(a)(3)(ii)(A)", "164.308(a)(5)(ii)(C)"],
  logIntegrity: ["164.312(b)", "164.312(c)(1)", "164.312(c)(2)"],
  logRetention: ["164.312(b)", "164.308(a)(1)(ii)(D)", "164.316(b)(2)(i)"],
  integrity: ["164.312(c)(1)", "164.312(c)(2)", "164.308(a)(7)(ii)(A)"],
  backup: ["164.308(a)(7)(ii)(A)", "164.308(a)(7)(ii)(B)", "164.310(d)(2)(iv)"],
  availability: ["164.308(a)(7)(ii)(B)", "164.308(a)(7)(ii)(C)", "164.308(a)(1)(ii)(B)"],
  password: ["164.308(a)(5)(ii)(D)", "164.312(d)", "164.308(a)(4)(ii)(C)"],
  mfa: ["164.312(d)", "164.308(a)(3)(ii)(A)", "164.312(a)(1)"],
  leastPrivilege: ["164.308(a)(3)", "164.308(a)(4)(ii)(B)", "164.308(a)(4)(ii)(C)", "164.312(a)(1)"],
  credentialLifecycle: ["164.308(a)(3)(ii)(C)", "164.308(a)(4)(ii)(C)", "164.308(a)(5)(ii)(D)"],
  uniqueIdentity: ["164.312(a)(2)(i)", "164.312(d)", "164.308(a)(4)(ii)(B)"],
  threatDetection: ["164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(D)", "164.308(a)(5)(ii)(B)", "164.308(a)(6)(ii)"],
  configMonitoring: ["164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(D)", "164.308(a)(8)"],
  malware: ["164.308(a)(1)(ii)(B)", "164.308(a)(5)(ii)(B)"],
  alerting: ["164.308(a)(1)(ii)(D)", "164.308(a)(6)(ii)", "164.312(b)"],
  phiInventory: ["164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(B)"],
  phiSegregation: ["164.308(a)(1)(ii)(B)", "164.308(a)(4)(ii)(B)", "164.312(a)(1)"],
  businessAssociate: ["164.308(b)(1)", "164.308(b)(3)", "164.314(a)(1)"],
} as const satisfies Record<string, readonly string[]>;

/** Union of citation sets, order kept, duplicates dropped. */
export function cite(...sets: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  for (const s of sets) for (const c of s) if (!out.includes(c)) out.push(c);
  return out;
}
