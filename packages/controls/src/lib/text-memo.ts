// A bounded memo keyed by the exact text of a document (policy JSON and the like). Real estates repeat
// the same policy text across many buckets, roles and keys, and each snapshot carries its own copy of the
// string, so an identity-keyed cache misses where a text-keyed one hits. Bounded by total key length, so a
// stream of unique documents costs at most `maxChars` of retained text; the oldest entries go first.
export class TextMemo<T> {
  private readonly entries = new Map<string, T>();
  private chars = 0;
  /** Lookups answered from the memo / by building (for benchmarks and diagnostics). */
  hits = 0;
  misses = 0;

  constructor(private readonly maxChars: number) {}

  get(text: string, build: (text: string) => T): T {
    const hit = this.entries.get(text);
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const value = build(text);
    if (text.length > this.maxChars) return value;
    this.chars += text.length;
    while (this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
    this.entries.set(text, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
