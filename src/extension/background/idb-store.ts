// The extension's figure memory on disk: IndexedDB, opened by the background (Chrome's
// service worker, Firefox's event page) through `idb`. One object store of kept figures
// keyed by id, with indexes on what (the conflict lookup), pageKey (replacing a page),
// site and seenAt (eviction); every change is ONE transaction (one per record was seen 10x
// slower, and a page must never be half replaced). A small "meta" store holds the schema
// version of the records, so that a later extension migrates them on open, and the
// storage-full note (also kept outside IndexedDB, in a NoteArea, for when it has no room).

import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { FigureMemory } from '../../engine/store/figure-memory';
import type { StoreLimits } from '../../engine/store/limits';
import type { StorageFullNote, StoragePort, StoreChange, StoreUsage } from '../../engine/store/port';
import { StoreFullError, laterStorageFullNote, recordBytes, storageFullNoteOf } from '../../engine/store/port';
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
/**
 * Waits after the scratch database is deleted (reclaim) for Chromium to compact and count the
 * freed space, 3 s in all at most; each wait ends with a small commit that makes it count.
 */
const COMPACT_WAITS_MS = [50, 150, 300, 500, 800, 1200];
/** The scratch database of reclaim is the figure database's name and this. */
const SCRATCH_SUFFIX = ':compact';
/** An id no figure has (ids are page hashes and figure numbers). */
const NO_RECORD_ID = '\u0000none';

/** The origin's storage usage as the browser counts it, or null where it cannot be asked. */
async function originUsage(): Promise<number | null> {
  const storage = (globalThis.navigator as { storage?: { estimate?: () => Promise<{ usage?: number }> } } | undefined)?.storage;
  if (!storage?.estimate) return null;
  const estimate = await storage.estimate().catch(() => null);
  return typeof estimate?.usage === 'number' ? estimate.usage : null;
}

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

/**
 * A small place outside IndexedDB for the storage-full note (the extension gives storage.local
 * and storage.session, see shared/storage-full-note.ts): when IndexedDB has no room at all, the note that a
 * page's figures were not kept must still survive the background being stopped. One value,
 * replaced on each write.
 */
export interface NoteArea {
  get(): Promise<unknown>;
  set(note: StorageFullNote): Promise<void>;
  remove(): Promise<void>;
}

export interface IdbStoreOptions {
  /**
   * Give the space of removed records back by making Chromium compact its IndexedDB (reclaim).
   * Chromium's IndexedDB (LevelDB) keeps removed records on disk, and even grows with each
   * removal, until it compacts; under a full quota, removing records alone makes no room.
   * Firefox's (SQLite) reuses their pages at once, so there it is not needed.
   */
  compactToReclaim?: boolean;
  /** Where the storage-full note is kept besides the meta store (see NoteArea). */
  noteArea?: NoteArea;
}

export class IdbStore implements StoragePort {
  private constructor(
    private readonly db: IDBPDatabase<FigureDb>,
    private readonly name: string,
    private readonly options: IdbStoreOptions,
  ) {
    // Optional on the port: a store that does not compact has no reclaim at all.
    if (!options.compactToReclaim) this.reclaim = undefined;
  }

  /** Set when the last write was refused for room (see write). */
  private quotaRefused = false;

  /** The reclaim in progress, which a second request for room waits for instead of starting another. */
  private reclaiming: Promise<number> | null = null;

  /** Opens (creating or migrating) the figure database. */
  static async open(name: string = FIGURE_DB_NAME, options: IdbStoreOptions = {}): Promise<IdbStore> {
    return new IdbStore(await openFigureDb(name), name, options);
  }

  close(): void {
    this.db.close();
  }

  async findByWhat(whats: readonly string[]): Promise<KeptFigureRecord[]> {
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
    return intact(await this.db.getAllFromIndex(FIGURES, 'pageKey', pageKey));
  }

  async write(change: StoreChange): Promise<void> {
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
      if (isQuotaError(error) || (this.quotaRefused && (error as { name?: unknown })?.name === 'InvalidStateError')) throw new StoreFullError(FULL_MESSAGE);
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

  /**
   * Keeps the note in the meta store and in the note area, each as it can: when IndexedDB is
   * full the meta store refuses it, and the note area (storage.local: in Chromium outside the
   * origin's quota) still keeps it across a stop of the background. Fails only if neither took it.
   */
  async noteStorageFull(note: StorageFullNote): Promise<void> {
    const kept = await Promise.allSettled([this.db.put(META, note, FULL_NOTE_KEY), this.options.noteArea?.set(note) ?? Promise.reject(new Error('no note area'))]);
    const failure = kept.find((result) => result.status === 'rejected');
    if (kept.every((result) => result.status === 'rejected') && failure?.status === 'rejected') throw failure.reason;
  }

  async storageFullNote(): Promise<StorageFullNote | null> {
    const [stored, outside] = await Promise.all([
      this.db.get(META, FULL_NOTE_KEY).catch(() => undefined),
      this.options.noteArea?.get().catch(() => undefined),
    ]);
    return laterStorageFullNote(storageFullNoteOf(stored), storageFullNoteOf(outside));
  }

  /**
   * Gives the disk space of removed records back (Chromium; see compactToReclaim), keeping
   * every record where it is. Chromium compacts its IndexedDB when a database is deleted, so
   * a tiny scratch database is made and deleted; its compaction drops the removed records too.
   * Chromium counts the freed space only at a later commit: each wait ends with one (a removal
   * of nothing), until the origin's usage is seen to fall.
   *
   * Crash safety: nothing of the figure database is deleted, copied or held in memory here, so
   * a stop of the background at any step loses nothing; at worst an empty scratch database is
   * left, which the next reclaim deletes. (It replaces a rebuild that read every record, deleted
   * the database and wrote the records back: Chromium did not count the deleted database's
   * space in time, the write-back was refused, and the records held in memory were lost — all
   * of them at a 1 MB quota.) Returns 0: no record is given up.
   */
  reclaim?: () => Promise<number> = async (): Promise<number> => {
    // A second request for room while one compaction runs: that one gives the space back.
    if (this.reclaiming) return this.reclaiming.then(() => 0);
    this.reclaiming = this.compact();
    try {
      return await this.reclaiming;
    } finally {
      this.reclaiming = null;
    }
  };

  /** The steps of reclaim, each of which a test may stop after (see IdbStore.compactSteps). */
  private async compact(): Promise<number> {
    const scratch = `${this.name}${SCRATCH_SUFFIX}`;
    const before = await originUsage();
    await IdbStore.compactSteps.beforeScratch?.();
    // Opening writes the scratch database's version: a few bytes, which Chromium allowed even
    // at a full quota. Refused, the deletion below still compacts whatever was made.
    await openDB(scratch, 1).then((db) => db.close(), () => undefined);
    await IdbStore.compactSteps.beforeScratchDeleted?.();
    await deleteDB(scratch);
    for (const wait of COMPACT_WAITS_MS) {
      await new Promise((done) => setTimeout(done, wait));
      await this.touch();
      const after = await originUsage();
      if (before === null || after === null || after < before) break;
    }
    return 0;
  }

  /** A commit that changes nothing (the removal of an id no record has): Chromium recounts the origin's usage at each. */
  private async touch(): Promise<void> {
    await this.db.delete(FIGURES, NO_RECORD_ID).catch(() => undefined);
  }

  /** Test hooks: called between the steps of a reclaim (a throw there is a stop of the background). */
  static compactSteps: { beforeScratch?: () => Promise<void>; beforeScratchDeleted?: () => Promise<void> } = {};

  async countAll(): Promise<number> {
    return this.db.count(FIGURES);
  }

  async countSite(site: string): Promise<number> {
    return this.db.countFromIndex(FIGURES, 'site', site);
  }

  async oldestIds(count: number, site?: string): Promise<string[]> {
    if (count <= 0) return [];
    if (site === undefined) return this.db.getAllKeysFromIndex(FIGURES, 'seenAt', null, count);
    const range = IDBKeyRange.bound([site, ''], [site, '\uffff']);
    return this.db.getAllKeysFromIndex(FIGURES, 'siteSeenAt', range, count);
  }

  /** Every intact record (what an export holds): damaged ones are left out. */
  async readAll(): Promise<KeptFigureRecord[]> {
    return intact(await this.db.getAll(FIGURES));
  }

  /**
   * Counts and sizes every intact record, and counts the damaged ones the reads skip: for the
   * options page, not for a page scan. Pages are those of intact records.
   */
  async usage(): Promise<StoreUsage> {
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
    const tx = this.db.transaction([FIGURES, META], 'readwrite');
    await Promise.all([tx.objectStore(FIGURES).clear(), tx.objectStore(META).delete(FULL_NOTE_KEY), tx.done]);
    await this.options.noteArea?.remove();
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
