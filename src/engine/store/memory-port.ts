// The in-memory storage port: for tests, for one CLI run without --store, and as the
// working copy behind the JSON-file store. Every index is a Map (never a plain object keyed
// by page text, so a figure whose `what` is "__proto__" or "constructor" is just a key).

import type { KeptFigureRecord } from './schema';
import { recordBytes, type StoragePort, type StoreChange, type StoreUsage } from './port';
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
    this.order.clear();
    this.orderBySite.clear();
    this.totalBytes = 0;
  }
}
