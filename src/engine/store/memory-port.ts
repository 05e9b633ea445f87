// The in-memory storage port: for tests, for one CLI run without --store, and as the
// working copy behind the JSON-file store. Every index is a Map (never a plain object keyed
// by page text, so a figure whose `what` is "__proto__" or "constructor" is just a key).

import type { KeptFigureRecord } from './schema';
import { recordBytes, sharedTermCount, type StoragePort, type StoreChange, type StoreUsage } from './port';
import { SortedKeys } from './sorted-keys';

const SEP = '\u0000';

function orderKey(record: KeptFigureRecord): string {
  return `${record.seenAt}${SEP}${record.id}`;
}

function idOfOrderKey(key: string): string {
  return key.slice(key.indexOf(SEP) + 1);
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let ids = index.get(key);
  if (!ids) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

function deepFreeze(record: KeptFigureRecord): KeptFigureRecord {
  Object.freeze(record.context);
  Object.freeze(record.storyTerms);
  return Object.freeze(record);
}

export class MemoryPort implements StoragePort {
  private readonly byId = new Map<string, KeptFigureRecord>();
  private readonly bytesOf = new Map<string, number>();
  private readonly byWhat = new Map<string, Set<string>>();
  private readonly byPage = new Map<string, Set<string>>();
  private readonly bySite = new Map<string, Set<string>>();
  /**
   * Story term -> the pages whose kept figures carry it, with how many figures of that page
   * do. Derived from the records (never stored): a lookup visits only the pages that share a
   * name with the new page, not every figure with a common key. Per page, not per figure,
   * so it holds ~40 entries a page rather than ~40 a figure.
   */
  private readonly pagesByTerm = new Map<string, Map<string, number>>();
  /** Insertion number of each figure: results come in the same order as findByWhat's. */
  private readonly seqOf = new Map<string, number>();
  private nextSeq = 0;
  private order = new SortedKeys();
  private readonly orderBySite = new Map<string, SortedKeys>();
  private totalBytes = 0;

  constructor(records: readonly KeptFigureRecord[] = []) {
    this.load(records.map(MemoryPort.frozenCopy));
  }

  /**
   * A port over records nobody else holds (just parsed from a file): frozen in place instead
   * of copied, and indexed in bulk. Loading 100,000 figures this way skips 100,000 copies.
   */
  static fromOwnedRecords(records: KeptFigureRecord[]): MemoryPort {
    const port = new MemoryPort();
    port.load(records.map(deepFreeze));
    return port;
  }

  private load(records: readonly KeptFigureRecord[]): void {
    for (const record of records) {
      if (this.byId.has(record.id)) this.removeOne(record.id);
      this.index(record);
    }
    // The seenAt order is built in one sort per list rather than one insertion per record.
    const all: string[] = [];
    const bySite = new Map<string, string[]>();
    for (const record of this.byId.values()) {
      const key = orderKey(record);
      all.push(key);
      const list = bySite.get(record.site);
      if (list) list.push(key);
      else bySite.set(record.site, [key]);
    }
    this.order = SortedKeys.fromUnsorted(all);
    this.orderBySite.clear();
    for (const [site, keys] of bySite) this.orderBySite.set(site, SortedKeys.fromUnsorted(keys));
  }

  /** Adds a record to every index but the seenAt order. */
  private index(copy: KeptFigureRecord): void {
    const bytes = recordBytes(copy);
    this.byId.set(copy.id, copy);
    this.bytesOf.set(copy.id, bytes);
    this.totalBytes += bytes;
    addTo(this.byWhat, copy.what, copy.id);
    addTo(this.byPage, copy.pageKey, copy.id);
    addTo(this.bySite, copy.site, copy.id);
    this.seqOf.set(copy.id, this.nextSeq++);
    for (const term of new Set(copy.storyTerms)) {
      let pages = this.pagesByTerm.get(term);
      if (!pages) {
        pages = new Map();
        this.pagesByTerm.set(term, pages);
      }
      pages.set(copy.pageKey, (pages.get(copy.pageKey) ?? 0) + 1);
    }
  }

  /** Copied once and frozen, so that neither the caller that wrote it nor one that reads it
   * can change what is kept; reads then hand out the frozen object without copying. */
  private static frozenCopy(record: KeptFigureRecord): KeptFigureRecord {
    return deepFreeze(structuredClone(record));
  }

  private putOne(copy: KeptFigureRecord): void {
    if (this.byId.has(copy.id)) this.removeOne(copy.id);
    this.index(copy);
    this.order.add(orderKey(copy));
    let siteOrder = this.orderBySite.get(copy.site);
    if (!siteOrder) {
      siteOrder = new SortedKeys();
      this.orderBySite.set(copy.site, siteOrder);
    }
    siteOrder.add(orderKey(copy));
  }

  private removeOne(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.byId.delete(id);
    this.totalBytes -= this.bytesOf.get(id) ?? 0;
    this.bytesOf.delete(id);
    removeFrom(this.byWhat, record.what, id);
    removeFrom(this.byPage, record.pageKey, id);
    removeFrom(this.bySite, record.site, id);
    this.seqOf.delete(id);
    for (const term of new Set(record.storyTerms)) {
      const pages = this.pagesByTerm.get(term);
      if (!pages) continue;
      const left = (pages.get(record.pageKey) ?? 0) - 1;
      if (left > 0) pages.set(record.pageKey, left);
      else {
        pages.delete(record.pageKey);
        if (pages.size === 0) this.pagesByTerm.delete(term);
      }
    }
    this.order.delete(orderKey(record));
    const siteOrder = this.orderBySite.get(record.site);
    siteOrder?.delete(orderKey(record));
    if (siteOrder && siteOrder.size === 0) this.orderBySite.delete(record.site);
  }

  private recordsOf(ids: Iterable<string> | undefined): KeptFigureRecord[] {
    const out: KeptFigureRecord[] = [];
    for (const id of ids ?? []) {
      const record = this.byId.get(id);
      if (record) out.push(record);
    }
    return out;
  }

  /** Synchronous change, for the JSON-file store that wraps this port. */
  applySync(change: StoreChange): void {
    // Copy first: a record that cannot be copied throws before anything changed (all or nothing).
    const puts = (change.put ?? []).map(MemoryPort.frozenCopy);
    for (const pageKey of change.removePages ?? []) {
      for (const id of [...(this.byPage.get(pageKey) ?? [])]) this.removeOne(id);
    }
    for (const id of change.removeIds ?? []) this.removeOne(id);
    for (const record of puts) this.putOne(record);
  }

  /** Every record without copying: for the JSON-file store's serialisation. */
  recordsForSerialisation(): IterableIterator<KeptFigureRecord> {
    return this.byId.values();
  }

  async findByWhat(whats: readonly string[]): Promise<KeptFigureRecord[]> {
    const out: KeptFigureRecord[] = [];
    for (const what of new Set(whats)) {
      for (const id of this.byWhat.get(what) ?? []) out.push(this.byId.get(id)!);
    }
    return out;
  }

  async findByWhatSharingTerms(whats: readonly string[], terms: readonly string[], minShared = 1): Promise<KeptFigureRecord[]> {
    const whatRank = new Map<string, number>();
    for (const what of whats) if (!whatRank.has(what)) whatRank.set(what, whatRank.size);
    const termSet = new Set(terms);
    const need = Math.max(1, minShared);
    // Distinct shared terms per page: a term every page has ("story", "police") costs one
    // count a page, and only pages with enough shared terms have their figures read.
    const sharedOf = new Map<string, number>();
    for (const term of termSet) {
      for (const pageKey of this.pagesByTerm.get(term)?.keys() ?? []) sharedOf.set(pageKey, (sharedOf.get(pageKey) ?? 0) + 1);
    }
    const out: KeptFigureRecord[] = [];
    for (const [pageKey, shared] of sharedOf) {
      if (shared < need) continue;
      for (const id of this.byPage.get(pageKey) ?? []) {
        const record = this.byId.get(id)!;
        // The page count is per page; a page whose figures carry different terms (an import
        // of mixed reads) is checked figure by figure.
        if (whatRank.has(record.what) && sharedTermCount(record.storyTerms, termSet, need) >= need) out.push(record);
      }
    }
    // findByWhat's order: by `what` as asked, then as the figures were kept.
    return out.sort((a, b) => whatRank.get(a.what)! - whatRank.get(b.what)! || this.seqOf.get(a.id)! - this.seqOf.get(b.id)!);
  }

  async findByPage(pageKey: string): Promise<KeptFigureRecord[]> {
    return this.recordsOf(this.byPage.get(pageKey));
  }

  async write(change: StoreChange): Promise<void> {
    this.applySync(change);
  }

  async countAll(): Promise<number> {
    return this.byId.size;
  }

  async countSite(site: string): Promise<number> {
    return this.bySite.get(site)?.size ?? 0;
  }

  async oldestIds(count: number, site?: string): Promise<string[]> {
    const order = site === undefined ? this.order : this.orderBySite.get(site);
    return order ? order.first(count).map(idOfOrderKey) : [];
  }

  async readAll(): Promise<KeptFigureRecord[]> {
    return this.recordsOf(this.byId.keys());
  }

  async usage(): Promise<StoreUsage> {
    return { figures: this.byId.size, pages: this.byPage.size, bytes: this.totalBytes };
  }

  async clear(): Promise<void> {
    this.byId.clear();
    this.bytesOf.clear();
    this.byWhat.clear();
    this.byPage.clear();
    this.bySite.clear();
    this.pagesByTerm.clear();
    this.seqOf.clear();
    this.order.clear();
    this.orderBySite.clear();
    this.totalBytes = 0;
  }
}
