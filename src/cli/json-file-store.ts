// The CLI's figure memory on disk: one JSON file (the same document as an export, so a
// store file can be imported into the extension and back). It is read once when opened and
// written whole, atomically: a temporary file beside it, then a rename, so that a crash or
// a full disk leaves either the old file or the new one, never half of one. A file that
// cannot be read or is not a valid store is reported and never overwritten.

import { open as openFile, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FigureMemory } from '../engine/store/figure-memory';
import type { StoreLimits } from '../engine/store/limits';
import { MemoryPort } from '../engine/store/memory-port';
import type { StoragePort, StoreChange, StoreUsage } from '../engine/store/port';
import type { KeptFigureRecord } from '../engine/store/schema';
import { buildExportDocument, parseExportDocument } from '../engine/store/validate';

export class JsonFileStoreError extends Error {
  override name = 'JsonFileStoreError';
}

export interface JsonFileStoreOptions {
  /**
   * Write the file after every change (default true): nothing is lost if the caller forgets
   * to flush. A batch run (many pages at once) passes false and calls flush() once at the end.
   */
  autoFlush?: boolean;
  /** Largest store file read, in characters (default 512 MiB: 100,000 figures take ~75 MB). */
  maxChars?: number;
  /** Most figures a store file may hold (default 1,000,000: the memory's caps apply anyway). */
  maxFigures?: number;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export class JsonFileStore implements StoragePort {
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private tempCounter = 0;

  private constructor(
    readonly path: string,
    private readonly memory: MemoryPort,
    private readonly autoFlush: boolean,
  ) {}

  /** Opens (reads) the store file; a missing file is an empty store, created on the first write. */
  static async open(path: string, options: JsonFileStoreOptions = {}): Promise<JsonFileStore> {
    const autoFlush = options.autoFlush ?? true;
    let json: string;
    try {
      json = await readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return new JsonFileStore(path, new MemoryPort(), autoFlush);
      throw new JsonFileStoreError(`cannot read the figure store ${path}: ${(error as Error).message}`);
    }
    let records: KeptFigureRecord[];
    try {
      records = parseExportDocument(json, { importChars: options.maxChars ?? 512 * 1024 * 1024, total: options.maxFigures ?? 1_000_000 });
    } catch (error) {
      throw new JsonFileStoreError(
        `${path} is not a usable Caveat figure store: ${(error as Error).message}. ` +
          'It was left untouched; move it away or choose another store file.',
      );
    }
    // A store of an older schema version is rewritten in the current one on the next write.
    return new JsonFileStore(path, MemoryPort.fromOwnedRecords(records), autoFlush);
  }

  /** Writes the file if anything changed since the last write: temp file, fsync, rename. */
  async flush(): Promise<void> {
    const next = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await this.writeAtomically(this.serialise());
      } catch (error) {
        this.dirty = true;
        throw new JsonFileStoreError(`cannot write the figure store ${this.path}: ${(error as Error).message}`);
      }
    });
    this.writing = next.catch(() => undefined);
    return next;
  }

  private serialise(): string {
    return JSON.stringify(buildExportDocument([...this.memory.recordsForSerialisation()], new Date()));
  }

  private async writeAtomically(json: string): Promise<void> {
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${++this.tempCounter}.tmp`);
    const handle = await openFile(temp, 'wx');
    try {
      await handle.writeFile(json, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  private async changed(): Promise<void> {
    this.dirty = true;
    if (this.autoFlush) await this.flush();
  }

  async write(change: StoreChange): Promise<void> {
    this.memory.applySync(change);
    await this.changed();
  }

  async clear(): Promise<void> {
    await this.memory.clear();
    await this.changed();
  }

  findByWhat(whats: readonly string[]): Promise<KeptFigureRecord[]> {
    return this.memory.findByWhat(whats);
  }

  findByWhatSharingTerms(whats: readonly string[], terms: readonly string[], minShared?: number): Promise<KeptFigureRecord[]> {
    return this.memory.findByWhatSharingTerms(whats, terms, minShared);
  }

  findByPage(pageKey: string): Promise<KeptFigureRecord[]> {
    return this.memory.findByPage(pageKey);
  }

  countAll(): Promise<number> {
    return this.memory.countAll();
  }

  countSite(site: string): Promise<number> {
    return this.memory.countSite(site);
  }

  oldestIds(count: number, site?: string): Promise<string[]> {
    return this.memory.oldestIds(count, site);
  }

  readAll(): Promise<KeptFigureRecord[]> {
    return this.memory.readAll();
  }

  usage(): Promise<StoreUsage> {
    return this.memory.usage();
  }
}

/**
 * The CLI's figure memory for one run: over the --store file when one is given (written
 * once, atomically, by close()), else in memory for this run only.
 */
export async function openCliFigureMemory(
  storeFile: string | null,
  limits: Partial<StoreLimits> = {},
): Promise<{ memory: FigureMemory; close: () => Promise<void> }> {
  if (storeFile === null) return { memory: new FigureMemory(new MemoryPort(), limits), close: async () => undefined };
  const store = await JsonFileStore.open(storeFile, { autoFlush: false });
  return { memory: new FigureMemory(store, limits), close: () => store.flush() };
}
