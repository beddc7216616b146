// The cross-resource index a scan builds once and every check reads through.
// Keys are the ids as given; case-insensitive (Azure) lookups fall back to lower-cased indexes that are
// built only on the first miss, so the common path does no string work.
import type { ResourceSnapshot } from "./snapshot";
import type { EvalContext } from "./types";

export class SnapshotContext implements EvalContext {
  private readonly byType = new Map<string, ResourceSnapshot[]>();
  private readonly byTypeId = new Map<string, Map<string, ResourceSnapshot>>();
  private readonly byNative = new Map<string, ResourceSnapshot>();
  private readonly accounts = new Map<string, ResourceSnapshot>();
  private readonly regions = new Map<string, ResourceSnapshot>();
  private readonly memos = new Map<string, unknown>();
  private lowerNative: Map<string, ResourceSnapshot> | undefined;
  private readonly lowerTypeId = new Map<string, Map<string, ResourceSnapshot>>();

  add(s: ResourceSnapshot): void {
    let ids = this.byTypeId.get(s.resourceType);
    let list = this.byType.get(s.resourceType);
    if (!ids || !list) {
      this.byTypeId.set(s.resourceType, (ids = new Map()));
      this.byType.set(s.resourceType, (list = []));
    }
    ids.set(s.resourceId, s);
    list.push(s);
    this.byNative.set(s.nativeId, s);
    if (s.resourceType === "Safeguard::AWS::Account") this.accounts.set(s.accountId, s);
    else if (s.resourceType === "Safeguard::AWS::Region") this.regions.set(`${s.accountId}|${s.region}`, s);
    // Anything derived from the previous contents is stale now.
    if (this.memos.size > 0) this.memos.clear();
    this.lowerNative = undefined;
    if (this.lowerTypeId.size > 0) this.lowerTypeId.clear();
  }

  get(resourceType: string, resourceId: string): ResourceSnapshot | undefined {
    const ids = this.byTypeId.get(resourceType);
    if (!ids) return undefined;
    const hit = ids.get(resourceId);
    if (hit) return hit;
    let lower = this.lowerTypeId.get(resourceType);
    if (!lower) {
      lower = new Map();
      for (const [k, v] of ids) lower.set(k.toLowerCase(), v);
      this.lowerTypeId.set(resourceType, lower);
    }
    return lower.get(resourceId.toLowerCase());
  }

  byNativeId(nativeId: string): ResourceSnapshot | undefined {
    const hit = this.byNative.get(nativeId);
    if (hit) return hit;
    if (!this.lowerNative) {
      this.lowerNative = new Map();
      for (const [k, v] of this.byNative) this.lowerNative.set(k.toLowerCase(), v);
    }
    return this.lowerNative.get(nativeId.toLowerCase());
  }

  ofType(resourceType: string): readonly ResourceSnapshot[] {
    return this.byType.get(resourceType) ?? EMPTY;
  }

  account(accountId: string): ResourceSnapshot | undefined {
    return this.accounts.get(accountId);
  }

  region(accountId: string, region: string): ResourceSnapshot | undefined {
    return this.regions.get(`${accountId}|${region}`);
  }

  memo<T>(key: string, build: () => T): T {
    const v = this.memos.get(key);
    if (v !== undefined || this.memos.has(key)) return v as T;
    const built = build();
    this.memos.set(key, built);
    return built;
  }

  get size(): number {
    return this.byNative.size;
  }
}

const EMPTY: readonly ResourceSnapshot[] = Object.freeze([]);
