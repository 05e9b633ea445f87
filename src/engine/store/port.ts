// The storage port: the few operations the figure memory needs from a place to keep figures.
// Small on purpose, so that an in-memory map, a JSON file and IndexedDB can all implement it,
// and shaped so that a lookup never reads the whole store: figures are found through an index
// on `what` (the only key two conflicting figures share), pages through one on `pageKey`, and
// eviction goes through indexes on `site` and `seenAt`.

import type { KeptFigureRecord } from './schema';

/** One atomic change: removals first, then puts. Adapters apply it in ONE transaction. */
export interface StoreChange {
  /** Every figure of these pages goes (the earlier versions of a page being rewritten). */
  removePages?: readonly string[];
  /** These figures go (eviction). */
  removeIds?: readonly string[];
  /** These figures are added, or replace the figure with the same id. */
  put?: readonly KeptFigureRecord[];
}

export interface StoreUsage {
  figures: number;
  pages: number;
  /** Size of the kept records as UTF-8 JSON: what an export of them takes. */
  bytes: number;
  /**
   * Records found damaged on disk (not valid for the current schema) and skipped by every
   * read, lookup and export; absent when there are none. Not counted in figures/pages/bytes.
   */
  damaged?: number;
  /**
   * The last time the browser's storage was found full, and what was done about it; absent when
   * it never was (since the memory was last cleared). The options page tells the person.
   */
  storageFull?: StorageFullNote;
}

/** What the memory did when a write found the storage full (see FigureMemory). */
export interface StorageFullNote {
  /** When storage was last found full (ISO). */
  at: string;
  /** Oldest figures removed to make room, in all, since the memory was last cleared. */
  evicted: number;
  /** Figures of the last full write that still could not be kept (0 when room was made). */
  notKept: number;
}

/** A storage-full note read back from storage (untrusted: another version, a hand edit), or null. */
export function storageFullNoteOf(value: unknown): StorageFullNote | null {
  if (typeof value !== 'object' || value === null) return null;
  const note = value as Record<string, unknown>;
  if (typeof note.at !== 'string' || !Number.isSafeInteger(note.evicted) || !Number.isSafeInteger(note.notKept)) return null;
  return { at: note.at, evicted: note.evicted as number, notKept: note.notKept as number };
}

/** The note to believe of two kept in different places: the later (each counts every eviction before it). */
export function laterStorageFullNote(a: StorageFullNote | null | undefined, b: StorageFullNote | null | undefined): StorageFullNote | null {
  if (!a || !b) return a ?? b ?? null;
  return b.at > a.at ? b : a;
}

/**
 * Thrown by a port's write when the storage has no room for it (IndexedDB's
 * QuotaExceededError, a full disk). The write changed nothing: the figure memory then evicts
 * its oldest figures and tries again.
 */
export class StoreFullError extends Error {
  override name = 'StoreFullError';
}

export function isStoreFull(error: unknown): boolean {
  return error instanceof StoreFullError || (error instanceof Error && error.name === 'StoreFullError');
}

export interface StoragePort {
  /** Kept figures whose `what` is one of `whats` (through the what index). */
  findByWhat(whats: readonly string[]): Promise<KeptFigureRecord[]>;
  /**
   * Kept figures whose `what` is one of `whats` AND whose storyTerms include at least
   * `minShared` (default 1) distinct terms of `terms`, each once, in findByWhat's order. The
   * conflict lookup: a kept page can only be of the same story if it shares names with the
   * new one (story.ts needs at least two), so the thousands of figures with a common key on
   * unrelated pages are never read.
   */
  findByWhatSharingTerms(whats: readonly string[], terms: readonly string[], minShared?: number): Promise<KeptFigureRecord[]>;
  /** Kept figures of one page (through the pageKey index). */
  findByPage(pageKey: string): Promise<KeptFigureRecord[]>;
  write(change: StoreChange): Promise<void>;
  countAll(): Promise<number>;
  countSite(site: string): Promise<number>;
  /** Ids of the `count` oldest figures by seenAt, of one site or of all. */
  oldestIds(count: number, site?: string): Promise<string[]>;
  /**
   * Every kept figure: for export only, never for a lookup. Every read returns only records
   * valid for the current schema: an adapter whose storage can hold damaged records skips them
   * and counts them in usage().damaged.
   */
  readAll(): Promise<KeptFigureRecord[]>;
  usage(): Promise<StoreUsage>;
  /** Every figure goes (and the storage-full note with them). */
  clear(): Promise<void>;
  /**
   * Gives back the space of removed records, when the storage does not do it by itself soon
   * enough for the next write (Chromium's IndexedDB keeps deleted records on disk until it
   * compacts). Returns how many kept records it could not keep in doing so (oldest first),
   * which count as evicted. Optional: the in-memory and file ports free space at once.
   */
  reclaim?(): Promise<number>;
  /** Keeps the storage-full note where usage() finds it (optional: without it the memory keeps it for its own life). */
  noteStorageFull?(note: StorageFullNote): Promise<void>;
  /** The note kept by noteStorageFull, or null. */
  storageFullNote?(): Promise<StorageFullNote | null>;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of a record as UTF-8 JSON (usage accounting shared by the adapters). */
export function recordBytes(record: KeptFigureRecord): number {
  const json = JSON.stringify(record);
  // Most records are ASCII: one byte a character, without walking the string.
  if (!NON_ASCII.test(json)) return json.length;
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && !(code >= 0xd800 && code <= 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Distinct terms of `list` that are in `terms`, counted up to `enough` (the store's term filter). */
export function sharedTermCount(list: readonly string[], terms: ReadonlySet<string>, enough: number): number {
  const seen = new Set<string>();
  for (const term of list) {
    if (!terms.has(term) || seen.has(term)) continue;
    seen.add(term);
    if (seen.size >= enough) break;
  }
  return seen.size;
}
