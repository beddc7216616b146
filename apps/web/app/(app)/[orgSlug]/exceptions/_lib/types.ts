import type { ExceptionItem } from "@safeguard/core/exceptions/find-exceptions";
import type { Wire } from "../../findings/_lib/wire";

export type ExceptionRow = Wire<ExceptionItem>;
