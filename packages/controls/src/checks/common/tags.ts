// Product rules on tags: data stores carry a PHI classification; PHI never sits in dev/test;
// PHI only on services the provider's BAA covers.
import { baaServiceFor, isBaaCovered, type BaaService } from "../../baa";
import { aws, azure, fix } from "../../lib/define";
import { ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import type { Check } from "../../types";
import type { Provider } from "../../snapshot";

const WILDCARD = "*";
const CLASSIFICATION_KEY = /^(phi|ephi|dataclassification|hipaa)$/i;

// Types that store data and so must say whether they hold PHI.
const AWS_DATA_STORES = [
  "AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::DynamoDB::Table", "AWS::EFS::FileSystem",
  "AWS::EC2::Volume", "AWS::Redshift::Cluster", "AWS::OpenSearch::Domain", "AWS::SecretsManager::Secret",
];
const AZURE_DATA_STORES = [
  "microsoft.storage/storageaccounts", "microsoft.sql/servers/databases", "microsoft.documentdb/databaseaccounts",
  "microsoft.dbforpostgresql/flexibleservers", "microsoft.dbformysql/flexibleservers", "microsoft.compute/disks", "microsoft.keyvault/vaults",
];

const classificationPresent = (provider: Provider, types: string[]): Check =>
  (provider === "aws" ? aws : azure)({
    id: `${provider}.tags.phi-classification-present`, resourceType: types, severity: "low", citations: C.phiInventory, needsConfiguration: false,
    title: "Data store is tagged with its PHI classification",
    rationale: "Risk analysis starts from knowing where ePHI lives; an untagged data store is an unknown.",
    reads: ["tags"],
    remediation: fix("Add the organisation's PHI tag (e.g. PHI=true or PHI=false) to the resource.", provider === "aws" ? "aws resourcegroupstaggingapi tag-resources --resource-arn-list ARN --tags PHI=true" : "az tag update --resource-id ID --operation merge --tags PHI=true", "tags = { PHI = \"true\" }"),
    evaluate(r, _ctx, state) {
      // Classified = the PHI tag says yes, or any configured PHI tag key is present with another value (e.g. PHI=false).
      let present = state.phiTagged;
      if (!present) for (const k in r.tags) if (CLASSIFICATION_KEY.test(k)) { present = true; break; }
      return verdict(present, [ev("tags", r.tags, "a PHI classification tag")]);
    },
  });

const notNonProd = (provider: Provider): Check =>
  (provider === "aws" ? aws : azure)({
    id: `${provider}.tags.phi-not-in-nonprod`, resourceType: WILDCARD, severity: "high", citations: C.phiSegregation, needsConfiguration: false,
    title: "Resource tagged PHI is not tagged as dev/test",
    rationale: "Development and test environments have weaker controls and wider access; real ePHI must not be there.",
    reads: ["tags"],
    remediation: fix("Move the ePHI to production, or replace it with de-identified or synthetic data and remove the PHI tag.", "n/a", "n/a"),
    evaluate(r, _ctx, state) {
      if (!state.phiTagged) return na("not tagged as holding PHI", [ev("tags", r.tags)]);
      return verdict(!state.nonProdTagged, [ev("tags", r.tags, "PHI tag without a dev/test environment tag")]);
    },
  });

// "service (list of date)" per BAA service, built once: the evidence of every PHI-tagged resource names it.
const serviceLabels = new Map<BaaService, string>();
function serviceLabel(s: BaaService): string {
  let label = serviceLabels.get(s);
  if (label === undefined) serviceLabels.set(s, (label = `${s.service} (list of ${s.listDate})`));
  return label;
}

const baaCovered = (provider: Provider): Check =>
  (provider === "aws" ? aws : azure)({
    id: `${provider}.baa.service-covered`, resourceType: WILDCARD, severity: "critical", citations: C.businessAssociate, needsConfiguration: false,
    title: "Resource tagged PHI runs on a BAA-covered service",
    rationale: "Only services the provider lists under its Business Associate Agreement may store, process or transmit ePHI.",
    reads: ["resourceType", "tags"],
    remediation: fix("Move the ePHI to a BAA-eligible service, or remove it and the PHI tag.", "n/a", "n/a"),
    evaluate(r, _ctx, state) {
      if (!state.phiTagged) return na("not tagged as holding PHI", [ev("tags", r.tags)]);
      const s = baaServiceFor(r.provider, r.resourceType);
      return verdict(isBaaCovered(r.provider, r.resourceType), [ev("resourceType", r.resourceType, "a type of a BAA-listed service"), ev("baaService", s ? serviceLabel(s) : null)]);
    },
  });

export const tagChecks: Check[] = [
  classificationPresent("aws", AWS_DATA_STORES), notNonProd("aws"), baaCovered("aws"),
  classificationPresent("azure", AZURE_DATA_STORES), notNonProd("azure"), baaCovered("azure"),
];
