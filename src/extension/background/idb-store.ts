// The extension's figure memory on disk: IndexedDB, opened by the background (Chrome's
// service worker, Firefox's event page) through `idb`. One object store of kept figures
// keyed by id, with indexes on what (the conflict lookup), pageKey (replacing a page),
// site and seenAt (eviction); every change is ONE transaction (one per record was seen 10x
// slower, and a page must never be half replaced). A small "meta" store holds the schema
// version of the records, so that a later extension migrates them on open.

import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { FigureMemory } from '../../engine/store/figure-memory';
import type { StoreLimits } from '../../engine/store/limits';
import type { StorageFullNote, StoragePort, StoreChange, StoreUsage } from '../../engine/store/port';
import { StoreFullError, recordBytes } from '../../engine/store/port';
import { STORE_SCHEMA_VERSION, migrateRecords, type KeptFigureRecord } from '../../engine/store/schema';
import { recordProblem } from '../../engine/store/validate';

export const FIGURE_DB_NAME = 'caveat-figure-memory';
/**
 * The IndexedDB version: the shape of stores and indexes (not the record schema).
 *   1  figures (by id) with indexes what, pageKey, site, seenAt, siteSeenAt; meta.
 *   2  adds storyTerms, a multiEntry index over the records' existing storyTerms array (the
 *      conflict lookup reads only figures whose page shares story terms with the new one).
 */
const DB_VERSION = 2;
const FIGURES = 'figures';
const META = 'meta';
const SCHEMA_KEY = 'schemaVersion';
/** Meta key of the storage-full note (see FigureMemory): what was evicted when storage was full. */
const FULL_NOTE_KEY = 'storageFull';
/** Records written back a transaction at a time when the database is rebuilt (reclaim). */
const REBUILD_CHUNK = 500;
const REBUILD_MIN_CHUNK = 10;
/** Waits for the freed space to be counted before the write-back gives records up (6.3 s in all). */
const REBUILD_WAITS_MS = [100, 200, 500, 1000, 1500, 3000];

interface FigureDb extends DBSchema {
  figures: {
    key: string;
    value: KeptFigureRecord;
    indexes: { what: string; pageKey: string; site: string; seenAt: string; siteSeenAt: [string, string]; storyTerms: string };
  };
  meta: { key: string; value: number | StorageFullNote };
}

/**
 * Is a stored value a valid record of the current schema? Every read checks: a record damaged
 * on disk (by another extension version, a browser fault, a hand edit through devtools) is
 * skipped, so that the rest are still read and compared, and usage() counts it for the person.
 */
function isIntact(value: unknown): value is KeptFigureRecord {
  return recordProblem(value, STORE_SCHEMA_VERSION) === null;
}

/** The intact records of a read, damaged ones left out. */
function intact(values: readonly unknown[]): KeptFigureRecord[] {
  return values.filter(isIntact);
}

export class IdbStoreError extends Error {
  override name = 'IdbStoreError';
}

/**
 * Did IndexedDB refuse for lack of room? Chromium aborts the transaction at commit with a
 * DOMException named QuotaExceededError (tx.error); Firefox does the same, or fails the one
 * request. A full disk is reported the same way in both.
 */
export function isQuotaError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'QuotaExceededError';
}

const FULL_MESSAGE = 'the browser has no more storage room for Caveat’s figures';

/**
 * The error a failed write throws. The transaction aborted as a whole, so nothing of the change
 * was kept: out of room (the transaction's error, or one request's) is StoreFullError, so the
 * memory makes room and tries again; anything else is the first error that is not the abort
 * itself.
 */
export function writeFailure(transactionError: unknown, failures: readonly unknown[]): unknown {
  if (isQuotaError(transactionError) || failures.some(isQuotaError)) return new StoreFullError(FULL_MESSAGE);
  return failures.find((error) => (error as { name?: unknown })?.name !== 'AbortError') ?? failures[0] ?? transactionError;
}

function isNote(value: unknown): value is StorageFullNote {
  if (typeof value !== 'object' || value === null) return false;
  const note = value as Record<string, unknown>;
  return typeof note.at === 'string' && Number.isSafeInteger(note.evicted) && Number.isSafeInteger(note.notKept);
}

async function openFigureDb(name: string): Promise<IDBPDatabase<FigureDb>> {
  const db = await openDB<FigureDb>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const figures = database.createObjectStore(FIGURES, { keyPath: 'id' });
        figures.createIndex('what', 'what');
        figures.createIndex('pageKey', 'pageKey');
        figures.createIndex('site', 'site');
        figures.createIndex('seenAt', 'seenAt');
        figures.createIndex('siteSeenAt', ['site', 'seenAt']);
        database.createObjectStore(META);
      }
      if (oldVersion < 2) {
        // Built from the stored records as they are: no record changes shape.
        transaction.objectStore(FIGURES).createIndex('storyTerms', 'storyTerms', { multiEntry: true });
      }
    },
  });
  try {
    await migrateIfNeeded(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export interface IdbStoreOptions {
  /**
   * Give space back by rebuilding the database when removing records made no room (reclaim).
   * For Chromium, whose IndexedDB (LevelDB) keeps removed records on disk until it compacts;
   * Firefox's (SQLite) reuses their pages at once, so there it is not needed, and a rebuild
   * that cannot write the records back would lose them.
   */
  rebuildToReclaim?: boolean;
}

export class IdbStore implements StoragePort {
  private constructor(
    private db: IDBPDatabase<FigureDb>,
    private readonly name: string,
    private readonly options: IdbStoreOptions,
  ) {
    // Optional on the port: a store that does not rebuild has no reclaim at all.
    if (!options.rebuildToReclaim) this.reclaim = undefined;
  }

  /** Set when the last write was refused for room (see write). */
  private quotaRefused = false;

  /** Set when a rebuild could not make the database again: the next request tries. */
  private broken = false;

  /** Set while reclaim() rebuilds the database. */
  private rebuilding: Promise<unknown> | null = null;

  /** Waits out a rebuild in progress (requests made meanwhile must use the new database). */
  private async idle(): Promise<void> {
    while (this.rebuilding) await this.rebuilding;
    if (this.broken) {
      this.db = await openFigureDb(this.name);
      this.broken = false;
    }
  }

  /** Opens (creating or migrating) the figure database. */
  static async open(name: string = FIGURE_DB_NAME, options: IdbStoreOptions = {}): Promise<IdbStore> {
    return new IdbStore(await openFigureDb(name), name, options);
  }

  close(): void {
    this.db.close();
  }

  async findByWhat(whats: readonly string[]): Promise<KeptFigureRecord[]> {
    await this.idle();
    const tx = this.db.transaction(FIGURES, 'readonly');
    const index = tx.store.index('what');
    const lists = await Promise.all([...new Set(whats)].map((what) => index.getAll(what)));
    await tx.done;
    return intact(lists.flat());
  }

  /**
   * Through the storyTerms index: ids of the figures carrying each of this page's terms,
   * counted, and only those with enough shared terms are read and kept if their `what` is
   * asked for. Same order as findByWhat (what as asked, then id).
   */
  async findByWhatSharingTerms(whats: readonly string[], terms: readonly string[], minShared = 1): Promise<KeptFigureRecord[]> {
    await this.idle();
    const whatRank = new Map<string, number>();
    for (const what of whats) if (!whatRank.has(what)) whatRank.set(what, whatRank.size);
    const termSet = new Set(terms);
    const need = Math.max(1, minShared);
    if (whatRank.size === 0 || termSet.size === 0) return [];
    const tx = this.db.transaction(FIGURES, 'readonly');
    const index = tx.store.index('storyTerms');
    const idLists = await Promise.all([...termSet].map((term) => index.getAllKeys(term)));
    const sharedOf = new Map<string, number>();
    for (const ids of idLists) for (const id of new Set(ids)) sharedOf.set(id, (sharedOf.get(id) ?? 0) + 1);
    const wanted = [...sharedOf].filter(([, shared]) => shared >= need).map(([id]) => id);
    const records = await Promise.all(wanted.map((id) => tx.store.get(id)));
    await tx.done;
    return intact(records)
      .filter((record) => whatRank.has(record.what))
      .sort((a, b) => whatRank.get(a.what)! - whatRank.get(b.what)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async findByPage(pageKey: string): Promise<KeptFigureRecord[]> {
    await this.idle();
    return intact(await this.db.getAllFromIndex(FIGURES, 'pageKey', pageKey));
  }

  async write(change: StoreChange): Promise<void> {
    await this.idle();
    const tx = this.db.transaction(FIGURES, 'readwrite');
    const store = tx.store;
    const pageIds = await Promise.all((change.removePages ?? []).map((pageKey) => store.index('pageKey').getAllKeys(pageKey)));
    // Requests of one transaction run in the order they are made: removals, then puts.
    const requests: Promise<unknown>[] = [];
    try {
      for (const id of pageIds.flat()) requests.push(store.delete(id));
      for (const id of change.removeIds ?? []) requests.push(store.delete(id));
      for (const record of change.put ?? []) requests.push(store.put(record));
    } catch (error) {
      // A request refused on the spot (a value that cannot be cloned) does not abort the
      // transaction by itself: the removals before it would commit. Abort explicitly.
      tx.abort();
      await Promise.allSettled([...requests, tx.done]);
      // Firefox: after a write of this connection was refused for room, every put is refused
      // on the spot (InvalidStateError, "a database that did not allow mutations") until a
      // removal succeeds. That is the storage still being full.
      if (this.quotaRefused && (error as { name?: unknown })?.name === 'InvalidStateError') throw new StoreFullError(FULL_MESSAGE);
      throw error;
    }
    const settled = await Promise.allSettled([...requests, tx.done]);
    const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (failures.length === 0) {
      this.quotaRefused = false;
      return;
    }
    const error = writeFailure(tx.error, failures);
    if (error instanceof StoreFullError) this.quotaRefused = true;
    throw error;
  }

  async noteStorageFull(note: StorageFullNote): Promise<void> {
    await this.idle();
    await this.putNote(note);
  }

  private async putNote(note: StorageFullNote): Promise<void> {
    await this.db.put(META, note, FULL_NOTE_KEY);
  }

  async storageFullNote(): Promise<StorageFullNote | null> {
    await this.idle();
    const value = await this.db.get(META, FULL_NOTE_KEY);
    return isNote(value) ? value : null;
  }

  /**
   * Gives the disk space of removed records back by rebuilding the database: Chromium's
   * IndexedDB (LevelDB) keeps removed records on disk, and even grows, until it compacts, so
   * under a full quota removing records alone makes no room there; a deleted database's files
   * go at once. Every record is read, the database deleted and made again, and the records
   * written back newest first; those that no longer fit (the oldest) are left out and counted.
   * Only when storage is full (see FigureMemory), a few seconds at most. Records are in this
   * worker's memory between the delete and the write-back: a stop in that moment loses them.
   */
  reclaim?: () => Promise<number> = async (): Promise<number> => {
    if (this.rebuilding) {
      // Another request's rebuild is giving the space back already.
      await this.idle();
      return 0;
    }
    const rebuild = this.rebuild();
    // Every other request waits for the rebuilt database (the old connection is closing).
    this.rebuilding = rebuild.catch(() => undefined);
    try {
      return await rebuild;
    } finally {
      this.rebuilding = null;
    }
  };

  private async rebuild(): Promise<number> {
    const tx = this.db.transaction([FIGURES, META], 'readonly');
    const [records, note] = await Promise.all([tx.objectStore(FIGURES).getAll(), tx.objectStore(META).get(FULL_NOTE_KEY)]);
    await tx.done;
    const seenAtOf = (value: unknown): string => {
      const seenAt = (value as { seenAt?: unknown }).seenAt;
      return typeof seenAt === 'string' ? seenAt : '';
    };
    records.sort((a, b) => (seenAtOf(a) < seenAtOf(b) ? 1 : seenAtOf(a) > seenAtOf(b) ? -1 : 0));
    this.db.close();
    await deleteDB(this.name);
    let waits = 0;
    // Making the database again writes its schema version: refused too until the space is counted.
    for (;;) {
      try {
        this.db = await openFigureDb(this.name);
        break;
      } catch (error) {
        if (!isQuotaError(error) || waits >= REBUILD_WAITS_MS.length) {
          this.broken = true;
          throw error;
        }
        await new Promise((done) => setTimeout(done, REBUILD_WAITS_MS[waits++]));
      }
    }
    if (isNote(note)) await this.putNote(note).catch(() => undefined);
    let kept = 0;
    let chunk = REBUILD_CHUNK;
    while (kept < records.length) {
      const outcome = await this.putAll(records.slice(kept, kept + chunk));
      if (outcome === 'written') {
        kept += chunk;
        continue;
      }
      // Chromium's quota manager learns of the deleted database's freed space a moment later:
      // until then every write is refused. Wait for it before giving records up; then try
      // smaller chunks, so that only what really does not fit (the oldest) is left out.
      if (waits < REBUILD_WAITS_MS.length) {
        await new Promise((done) => setTimeout(done, REBUILD_WAITS_MS[waits++]));
        continue;
      }
      if (chunk <= REBUILD_MIN_CHUNK) break;
      chunk = Math.max(REBUILD_MIN_CHUNK, Math.floor(chunk / 4));
    }
    return records.length - Math.min(kept, records.length);
  }

  /** Puts records in one transaction: 'written', 'full' (refused for room), or throws. */
  private async putAll(records: readonly unknown[]): Promise<'written' | 'full'> {
    const write = this.db.transaction(FIGURES, 'readwrite');
    const requests = records.map((record) => write.store.put(record as KeptFigureRecord));
    const settled = await Promise.allSettled([...requests, write.done]);
    const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    if (failures.length === 0) return 'written';
    const error = writeFailure(write.error, failures);
    if (error instanceof StoreFullError) return 'full';
    throw error;
  }

  async countAll(): Promise<number> {
    await this.idle();
    return this.db.count(FIGURES);
  }

  async countSite(site: string): Promise<number> {
    await this.idle();
    return this.db.countFromIndex(FIGURES, 'site', site);
  }

  async oldestIds(count: number, site?: string): Promise<string[]> {
    await this.idle();
    if (count <= 0) return [];
    if (site === undefined) return this.db.getAllKeysFromIndex(FIGURES, 'seenAt', null, count);
    const range = IDBKeyRange.bound([site, ''], [site, '\uffff']);
    return this.db.getAllKeysFromIndex(FIGURES, 'siteSeenAt', range, count);
  }

  /** Every intact record (what an export holds): damaged ones are left out. */
  async readAll(): Promise<KeptFigureRecord[]> {
    await this.idle();
    return intact(await this.db.getAll(FIGURES));
  }

  /**
   * Counts and sizes every intact record, and counts the damaged ones the reads skip: for the
   * options page, not for a page scan. Pages are those of intact records.
   */
  async usage(): Promise<StoreUsage> {
    await this.idle();
    const tx = this.db.transaction(FIGURES, 'readonly');
    let figures = 0;
    let bytes = 0;
    let damaged = 0;
    const pageKeys = new Set<string>();
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const value: unknown = cursor.value;
      if (!isIntact(value)) {
        damaged++;
        continue;
      }
      figures++;
      bytes += recordBytes(value);
      pageKeys.add(value.pageKey);
    }
    await tx.done;
    const usage: StoreUsage = { figures, pages: pageKeys.size, bytes };
    if (damaged > 0) usage.damaged = damaged;
    const note = await this.storageFullNote();
    if (note) usage.storageFull = note;
    return usage;
  }

  /** Every figure goes, and the storage-full note with them, in one transaction. */
  async clear(): Promise<void> {
    await this.idle();
    const tx = this.db.transaction([FIGURES, META], 'readwrite');
    await Promise.all([tx.objectStore(FIGURES).clear(), tx.objectStore(META).delete(FULL_NOTE_KEY), tx.done]);
  }
}

/**
 * Brings stored records to the current schema version in one transaction. A database written
 * by a newer extension is refused, not rewritten: downgrading must not lose its data.
 */
async function migrateIfNeeded(db: IDBPDatabase<FigureDb>): Promise<void> {
  const tx = db.transaction([FIGURES, META], 'readwrite');
  const meta = tx.objectStore(META);
  const stored = await meta.get(SCHEMA_KEY);
  if (stored === undefined) {
    await meta.put(STORE_SCHEMA_VERSION, SCHEMA_KEY);
  } else if (typeof stored !== 'number' || stored > STORE_SCHEMA_VERSION) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new IdbStoreError(
      typeof stored !== 'number'
        ? 'the figure memory has no readable schema version'
        : `the figure memory was written by a newer Caveat (schema version ${stored}; this one reads up to ${STORE_SCHEMA_VERSION})`,
    );
  } else if (stored < STORE_SCHEMA_VERSION) {
    const figures = tx.objectStore(FIGURES);
    const old = await figures.getAll();
    const migrated = migrateRecords(old, stored);
    await Promise.all(migrated.map((record) => figures.put(record)));
    await meta.put(STORE_SCHEMA_VERSION, SCHEMA_KEY);
  }
  await tx.done;
}

/** The background's figure memory over IndexedDB (one per wake of the background). */
export async function openIdbFigureMemory(
  name: string = FIGURE_DB_NAME,
  limits: Partial<StoreLimits> = {},
  options: IdbStoreOptions = {},
): Promise<FigureMemory> {
  return new FigureMemory(await IdbStore.open(name, options), limits);
}
