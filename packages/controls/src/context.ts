// The cross-resource index a scan builds once and every check reads through.
import type { ResourceSnapshot } from "./snapshot";
import type { EvalContext } from "./types";

const SEP = "\u0000";

export class SnapshotContext implements EvalContext {
  private readonly byKey = new Map<string, ResourceSnapshot>();
  private readonly byNative = new Map<string, ResourceSnapshot>();
  private readonly byType = new Map<string, ResourceSnapshot[]>();
  private readonly accounts = new Map<string, ResourceSnapshot>();
  private readonly regions = new Map<string, ResourceSnapshot>();
  private readonly memos = new Map<string, unknown>();

  add(s: ResourceSnapshot): void {
    // Azure ids are case-insensitive (ARG lower-cases some segments), so Azure keys are lower-cased.
    const az = s.provider === "azure";
    this.byKey.set(s.resourceType + SEP + (az ? s.resourceId.toLowerCase() : s.resourceId), s);
    this.byNative.set(az ? s.nativeId.toLowerCase() : s.nativeId, s);
    let list = this.byType.get(s.resourceType);
    if (!list) this.byType.set(s.resourceType, (list = []));
    list.push(s);
    if (s.resourceType === "Safeguard::AWS::Account") this.accounts.set(s.accountId, s);
    else if (s.resourceType === "Safeguard::AWS::Region") this.regions.set(s.accountId + SEP + s.region, s);
    if (this.memos.size > 0) this.memos.clear();
  }

  get(resourceType: string, resourceId: string): ResourceSnapshot | undefined {
    return this.byKey.get(resourceType + SEP + resourceId) ?? this.byKey.get(resourceType + SEP + resourceId.toLowerCase());
  }

  byNativeId(nativeId: string): ResourceSnapshot | undefined {
    return this.byNative.get(nativeId) ?? this.byNative.get(nativeId.toLowerCase());
  }

  ofType(resourceType: string): readonly ResourceSnapshot[] {
    return this.byType.get(resourceType) ?? EMPTY;
  }

  account(accountId: string): ResourceSnapshot | undefined {
    return this.accounts.get(accountId);
  }

  region(accountId: string, region: string): ResourceSnapshot | undefined {
    return this.regions.get(accountId + SEP + region);
  }

  memo<T>(key: string, build: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = build();
    this.memos.set(key, v);
    return v;
  }

  get size(): number {
    return this.byNative.size;
  }
}

const EMPTY: readonly ResourceSnapshot[] = Object.freeze([]);
