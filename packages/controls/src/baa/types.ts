export interface BaaService {
  provider: "aws" | "azure";
  /** The provider's own service name, exceptions in brackets kept. */
  service: string;
  /** Resource type prefixes: "AWS::S3::*" (any type of the namespace) or an exact type. */
  resourceTypePrefixes: string[];
  /** "stated" = mapping from the provider's naming; "inferred" = matched by service name. */
  mapping: string;
  source: string;
  /** Date of the provider list the row was read from (ISO). */
  listDate: string;
}
