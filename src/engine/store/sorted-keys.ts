// A sorted list of strings with binary-search insert and remove: the in-memory "seenAt"
// index, so that eviction finds the oldest figures without sorting 100,000 records each time.

export class SortedKeys {
  private keys: string[] = [];

  /** Built in one sort: loading a whole store key by key would move the array n times. */
  static fromUnsorted(keys: readonly string[]): SortedKeys {
    const sorted = new SortedKeys();
    sorted.keys = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted;
  }

  get size(): number {
    return this.keys.length;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  delete(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** The first `count` keys in order. */
  first(count: number): string[] {
    return this.keys.slice(0, Math.max(0, count));
  }

  clear(): void {
    this.keys.length = 0;
  }
}
