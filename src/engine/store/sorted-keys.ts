// A sorted list of strings with binary-search insert and remove: the in-memory "seenAt"
// index, so that eviction finds the oldest figures without sorting 100,000 records each time.
// Eviction removes from the front: the list keeps a head offset, so removing the first key
// is O(1) instead of moving the whole array (30 evictions a page once the store is full).

/** Dead slots before the head are dropped once there are this many and they are half the array. */
const COMPACT_AT = 1024;

export class SortedKeys {
  private keys: string[] = [];
  /** Index of the first live key: keys before it were removed. */
  private head = 0;

  /** Built in one sort: loading a whole store key by key would move the array n times. */
  static fromUnsorted(keys: readonly string[]): SortedKeys {
    const sorted = new SortedKeys();
    sorted.keys = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted;
  }

  get size(): number {
    return this.keys.length - this.head;
  }

  private lowerBound(key: string): number {
    let lo = this.head;
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
    if (at < this.keys.length && this.keys[at] === key) return;
    if (at === this.head && this.head > 0) this.keys[--this.head] = key;
    else if (at === this.keys.length) this.keys.push(key);
    else this.keys.splice(at, 0, key);
  }

  delete(key: string): void {
    const at = this.lowerBound(key);
    if (at >= this.keys.length || this.keys[at] !== key) return;
    if (at === this.head) {
      this.keys[this.head++] = '';
      if (this.head === this.keys.length) this.clear();
      else if (this.head >= COMPACT_AT && this.head * 2 >= this.keys.length) {
        this.keys = this.keys.slice(this.head);
        this.head = 0;
      }
    } else {
      this.keys.splice(at, 1);
    }
  }

  /** The first `count` keys in order. */
  first(count: number): string[] {
    return this.keys.slice(this.head, this.head + Math.max(0, count));
  }

  clear(): void {
    this.keys.length = 0;
    this.head = 0;
  }
}
