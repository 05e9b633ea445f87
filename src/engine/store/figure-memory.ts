// The figure memory: keeps every figure read, and tells a page which of its figures disagree
// with figures kept from OTHER pages of the same story. Used by the extension's background
// (over IndexedDB) and by the CLI (over a JSON file, or in memory for one run).

import type { Conflict, KeptFigureView, ScanReport } from '../types';
import { figureOfRecord, valuesConflict } from './compare';
import { DEFAULT_LIMITS, MAX_CONTEXT_TERMS, STORAGE_FULL_EVICT_SHARE, STORAGE_FULL_ROUNDS, type StoreLimits } from './limits';
import { StoreFullError, isStoreFull, type StorageFullNote, type StoragePort, type StoreChange, type StoreUsage } from './port';
import { pageIdentity, recordsOfPage, type PageIdentity, type PageInput } from './records';
import type { KeptFigureRecord } from './schema';
import { MIN_SHARED_TERMS_TO_RESCUE, contextTermsOf, sameStory, type StoryVerdict } from './story';
import { buildExportDocument, parseExportDocument } from './validate';
import { describeKept } from './format';

export type { PageInput } from './records';

/** A kept figure as a report shows it, with the site name the text format prints. */
export interface KeptFigureDisplay extends KeptFigureView {
  siteName: string | null;
}

export interface PageResult {
  /** Conflicts of this page's figures with kept figures of other pages: [this page's id, kept id]. */
  conflicts: Conflict[];
  /** The kept figures those conflicts refer to, each once. */
  keptFigures: KeptFigureDisplay[];
}

export interface ImportResult {
  /** Pages of the file that were not kept before. */
  pagesAdded: number;
  /** Pages kept before that the file holds a newer read of. */
  pagesReplaced: number;
  /** Pages of the file that were already kept as recently or more recently: left as they were. */
  pagesSkipped: number;
  figuresAdded: number;
  /** Figures evicted afterwards by the per-site and total caps. */
  figuresEvicted: number;
}

/** Titles this short ("Live", "News") do not identify an article. */
const MIN_IDENTIFYING_TITLE = 15;

function normalisedTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Is a kept record from an earlier read of this same article (under any address)? */
function isSameArticle(record: KeptFigureRecord, page: PageIdentity, pageTitle: string): boolean {
  if (record.pageKey === page.pageKey) return true;
  if (record.fingerprint === page.fingerprint) return true;
  return record.site === page.site && pageTitle.length >= MIN_IDENTIFYING_TITLE && normalisedTitle(record.title) === pageTitle;
}

function dateOf(publishedAt: string | null, seenAt: string): string {
  return publishedAt ?? seenAt;
}

export class FigureMemory {
  readonly limits: StoreLimits;
  /** The storage-full note when the port cannot keep it (or could not, being full). */
  private fullNote: StorageFullNote | null = null;

  constructor(
    private readonly port: StoragePort,
    limits: Partial<StoreLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * Keeps this page's figures (replacing those of any earlier read of the same article) and
   * returns the conflicts of its figures with figures kept from other pages of the same story.
   */
  async recordPage(report: ScanReport, page: PageInput): Promise<PageResult> {
    if (!report.isArticle) return { conflicts: [], keptFigures: [] };
    const identity = pageIdentity(report, page);
    const records = recordsOfPage(report, identity, this.limits);
    const { result, earlierReads } = await this.compare(report, identity, records);
    // The earlier reads of this article are looked up by page key as well as through the
    // candidates: an earlier version may hold figures whose keys this version no longer has.
    // (Candidates share two story terms with this page: a read under another address whose
    // terms share fewer, which only a page with almost no names can have, is kept beside it.)
    const removePages = new Set<string>([identity.pageKey, ...earlierReads]);
    // Storage full even after evicting: the page still gets its conflicts, and the note says
    // its figures could not be kept.
    const written = await this.writeMakingRoom({ removePages: [...removePages], put: [...records.values()] });
    if (written) {
      await this.evict(identity.site, new Set([...records.values()].map((record) => record.id))).catch((error: unknown) => {
        if (!isStoreFull(error)) throw error; // a cap's removal refused for room: the next page tries again
      });
    }
    return result;
  }

  /** The conflicts recordPage would report, without keeping anything. */
  async conflictsFor(report: ScanReport, page: PageInput): Promise<PageResult> {
    if (!report.isArticle) return { conflicts: [], keptFigures: [] };
    const identity = pageIdentity(report, page);
    const records = recordsOfPage(report, identity, this.limits);
    return (await this.compare(report, identity, records)).result;
  }

  private async compare(
    report: ScanReport,
    identity: PageIdentity,
    records: Map<string, KeptFigureRecord>,
  ): Promise<{ result: PageResult; earlierReads: Set<string> }> {
    const figures = report.figures.filter((figure) => records.has(figure.id));
    // Only figures whose page shares at least two story terms with this one: sameStory needs
    // that many for `same` and for `rescuable` alike, so no conflict is lost, and a common key
    // ("person|killed") no longer brings the thousands of figures of unrelated pages.
    const candidates = await this.port.findByWhatSharingTerms(
      [...new Set([...records.values()].map((record) => record.what))],
      identity.storyTerms,
      MIN_SHARED_TERMS_TO_RESCUE,
    );
    const thisSide = { storyTerms: identity.storyTerms, context: [], date: dateOf(identity.publishedAt, identity.seenAt) };
    // Every figure of a kept page shares its story terms and date: each kept page is judged
    // once, and only the figures of pages that may be of this story go on to be compared.
    // A common key ("person|killed") brings thousands of candidates; this keeps them cheap.
    const pageTitle = normalisedTitle(identity.title);
    const earlierReads = new Set<string>();
    const pageVerdicts = new Map<string, StoryVerdict>();
    const byWhat = new Map<string, KeptFigureRecord[]>();
    for (const candidate of candidates) {
      if (earlierReads.has(candidate.pageKey)) continue;
      let verdict = pageVerdicts.get(candidate.pageKey);
      if (!verdict) {
        if (isSameArticle(candidate, identity, pageTitle)) {
          earlierReads.add(candidate.pageKey);
          continue;
        }
        verdict = sameStory(
          thisSide,
          { storyTerms: candidate.storyTerms, context: [], date: dateOf(candidate.publishedAt, candidate.seenAt) },
          this.limits.storyWindowDays,
        );
        pageVerdicts.set(candidate.pageKey, verdict);
      }
      if (!verdict.same && !verdict.rescuable) continue;
      const list = byWhat.get(candidate.what);
      if (list) list.push(candidate);
      else byWhat.set(candidate.what, [candidate]);
    }
    const conflicts: Conflict[] = [];
    const keptFigures = new Map<string, KeptFigureDisplay>();
    for (const figure of figures) {
      const record = records.get(figure.id)!;
      for (const candidate of byWhat.get(record.what) ?? []) {
        // The page test failing on names alone can still pass on the two sentences' names,
        // when the pages are close enough for that to count (`rescuable`).
        if (!pageVerdicts.get(candidate.pageKey)!.same) {
          const rescue = sameStory(
            { ...thisSide, context: contextTermsOf(record.context, record.sentence, MAX_CONTEXT_TERMS) },
            {
              storyTerms: candidate.storyTerms,
              context: contextTermsOf(candidate.context, candidate.sentence, MAX_CONTEXT_TERMS),
              date: dateOf(candidate.publishedAt, candidate.seenAt),
            },
            this.limits.storyWindowDays,
          );
          if (!rescue.same) continue;
        }
        const keptFigure = figureOfRecord(candidate);
        const why = valuesConflict({ ...figure, what: record.what, unit: record.unit, context: record.context }, keptFigure);
        if (!why) continue;
        conflicts.push({ figures: [figure.id, candidate.id], reason: `${why} Another page of the same story: ${describeKept(candidate)}` });
        if (!keptFigures.has(candidate.id)) keptFigures.set(candidate.id, viewOf(candidate));
      }
    }
    return { result: { conflicts, keptFigures: [...keptFigures.values()] }, earlierReads };
  }

  /**
   * Writes `change`; when the storage is full, evicts the oldest kept figures (never those
   * being written) a batch at a time and tries again, asking the port to give the space back
   * if that alone did not make room. Remembers what it did in the storage-full note. Returns
   * whether the change was written; errors other than a full storage are thrown.
   */
  private async writeMakingRoom(change: StoreChange): Promise<boolean> {
    const attempt = async (): Promise<boolean> => {
      try {
        await this.port.write(change);
        return true;
      } catch (error) {
        if (isStoreFull(error)) return false;
        throw error;
      }
    };
    if (await attempt()) return true;
    const protectedIds = new Set((change.put ?? []).map((record) => record.id));
    let evicted = 0;
    let written = false;
    for (let round = 0; round < STORAGE_FULL_ROUNDS && !written; round++) {
      const count = await this.port.countAll();
      const batch = Math.max(Math.ceil(count * STORAGE_FULL_EVICT_SHARE), protectedIds.size, 1);
      const oldest = await this.port.oldestIds(batch + protectedIds.size);
      const victims = oldest.filter((id) => !protectedIds.has(id)).slice(0, batch);
      if (victims.length > 0) {
        try {
          await this.port.write({ removeIds: victims });
          evicted += victims.length;
        } catch (error) {
          if (!isStoreFull(error)) throw error;
          // Even a removal was refused: give space back first, then remove. Counted by what
          // is gone, since giving space back may itself leave out some of the same oldest.
          await this.port.reclaim?.();
          await this.port.write({ removeIds: victims });
          evicted += Math.max(0, count - (await this.port.countAll()));
        }
      }
      written = await attempt();
      // Space to give back only if something was removed (there may be none to remove).
      if (!written && this.port.reclaim && evicted > 0) {
        evicted += await this.port.reclaim();
        written = await attempt();
      }
      if (victims.length === 0) break;
    }
    await this.noteStorageFull(evicted, written ? 0 : protectedIds.size);
    return written;
  }

  private async noteStorageFull(evicted: number, notKept: number): Promise<void> {
    const before = this.fullNote ?? (await this.port.storageFullNote?.().catch(() => null)) ?? null;
    const note: StorageFullNote = { at: new Date().toISOString(), evicted: (before?.evicted ?? 0) + evicted, notKept };
    this.fullNote = note;
    await this.port.noteStorageFull?.(note).catch(() => undefined);
  }

  /** Oldest figures go first when a site, then the whole memory, is over its cap; never the page just kept. */
  private async evict(site: string, protectedIds: ReadonlySet<string>): Promise<number> {
    let evicted = 0;
    const overflow = async (count: number, cap: number, scope?: string): Promise<void> => {
      const excess = count - cap;
      if (excess <= 0) return;
      const oldest = await this.port.oldestIds(excess + protectedIds.size, scope);
      const victims = oldest.filter((id) => !protectedIds.has(id)).slice(0, excess);
      if (victims.length === 0) return;
      await this.port.write({ removeIds: victims });
      evicted += victims.length;
    };
    await overflow(await this.port.countSite(site), this.limits.perSite, site);
    await overflow(await this.port.countAll(), this.limits.total);
    return evicted;
  }

  /** One JSON document with the schema version and every kept figure. */
  async exportJson(now: Date = new Date()): Promise<string> {
    return JSON.stringify(buildExportDocument(await this.port.readAll(), now));
  }

  /**
   * Merges an export file into the memory. The file is validated whole first: a malformed,
   * wrong-version or oversized file throws FigureMemoryFormatError and nothing kept changes.
   * A page in both keeps its most recent read; the caps apply afterwards. When the storage has
   * no room for the file, it is refused whole (StoreFullError saying so) and nothing changes.
   */
  async importJson(json: string): Promise<ImportResult> {
    const incoming = parseExportDocument(json, this.limits).map(normaliseSeenAt);
    const pages = new Map<string, KeptFigureRecord[]>();
    for (const record of incoming) {
      const list = pages.get(record.pageKey);
      if (list) list.push(record);
      else pages.set(record.pageKey, [record]);
    }
    const result: ImportResult = { pagesAdded: 0, pagesReplaced: 0, pagesSkipped: 0, figuresAdded: 0, figuresEvicted: 0 };
    const put: KeptFigureRecord[] = [];
    const removePages: string[] = [];
    const sites = new Set<string>();
    for (const [pageKey, fileRecords] of pages) {
      // Within the file, a page read twice keeps its latest read only.
      const latest = fileRecords.reduce((max, record) => (record.seenAt > max ? record.seenAt : max), '');
      const newest = dedupeById(fileRecords.filter((record) => record.seenAt === latest));
      const existing = await this.port.findByPage(pageKey);
      const existingSeen = existing.reduce((max, record) => (record.seenAt > max ? record.seenAt : max), '');
      if (existing.length > 0 && existingSeen >= latest) {
        result.pagesSkipped++;
        continue;
      }
      if (existing.length > 0) {
        result.pagesReplaced++;
        removePages.push(pageKey);
      } else {
        result.pagesAdded++;
      }
      put.push(...newest);
      for (const record of newest) sites.add(record.site);
    }
    result.figuresAdded = put.length;
    try {
      await this.port.write({ removePages, put });
    } catch (error) {
      // One transaction: refused for room, nothing of the file was kept and nothing kept was
      // removed. An import never evicts the person's own figures to make room for a file's.
      if (!isStoreFull(error)) throw error;
      throw new StoreFullError(
        `Not imported: the browser has no storage room for the file’s ${put.length.toLocaleString('en-US')} figures. Nothing was changed. ` +
          'Free some disk space, or export and clear the kept figures first.',
      );
    }
    for (const site of sites) result.figuresEvicted += await this.evict(site, new Set());
    return result;
  }

  async clear(): Promise<void> {
    await this.port.clear();
    this.fullNote = null;
  }

  async usage(): Promise<StoreUsage> {
    const usage = await this.port.usage();
    const note = usage.storageFull ?? this.fullNote;
    return note ? { ...usage, storageFull: note } : usage;
  }
}

function dedupeById(records: KeptFigureRecord[]): KeptFigureRecord[] {
  const byId = new Map<string, KeptFigureRecord>();
  for (const record of records) byId.set(record.id, record);
  return [...byId.values()];
}

/** seenAt in one ISO form, so that the stores' seenAt order is also time order. */
function normaliseSeenAt(record: KeptFigureRecord): KeptFigureRecord {
  return { ...record, seenAt: new Date(record.seenAt).toISOString() };
}

export function viewOf(record: KeptFigureRecord): KeptFigureDisplay {
  return {
    id: record.id,
    text: record.text,
    low: record.low,
    high: record.high,
    what: record.what,
    attributedTo: record.attributedTo,
    sentence: record.sentence,
    source: record.source,
    title: record.title,
    publishedAt: record.publishedAt,
    seenAt: record.seenAt,
    siteName: record.siteName,
  };
}
