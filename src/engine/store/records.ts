// Turning one scanned page into kept-figure records: its identity (page key, site,
// fingerprint, story terms, dates) and one sanitised record per usable figure. Page text is
// hostile: every string is cut to its field's length, every number must be finite.

import type { Figure, ScanReport } from '../types';
import { canonicalPageKey, siteOfSource } from './canonical-url';
import { hashString } from './hash';
import { FIELD_CHARS, MAX_CONTEXT_TERMS, MAX_STORY_TERMS, finiteOrNull, truncate, type StoreLimits } from './limits';
import type { KeptFigureRecord } from './schema';
import { storyTermsOf } from './story';

/** What the caller knows about the page besides its report. */
export interface PageInput {
  /** The address the page was read at (or the CLI's file path). */
  url: string;
  /** The article text, when the caller has it: better story terms and a real fingerprint. */
  text?: string;
  /** When the page was read; now when absent. */
  seenAt?: Date;
}

export interface PageIdentity {
  pageKey: string;
  site: string;
  fingerprint: string;
  storyTerms: string[];
  source: string;
  title: string;
  siteName: string | null;
  publishedAt: string | null;
  seenAt: string;
}

function validDateOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const cut = truncate(value.trim(), FIELD_CHARS.date);
  return Number.isNaN(Date.parse(cut)) ? null : cut;
}

function cleanTerms(terms: readonly string[], max: number): string[] {
  return [...new Set(terms.map((term) => truncate(term, FIELD_CHARS.term)).filter((term) => term.length > 0))].slice(0, max);
}

/** Whitespace and case do not make another article: the fingerprint ignores them. */
function fingerprintOf(report: ScanReport, text: string | undefined): string {
  const basis = text ?? [report.title, ...report.figures.map((figure) => figure.sentence)].join('\n');
  return hashString(basis.replace(/\s+/g, ' ').trim().toLowerCase());
}

export function pageIdentity(report: ScanReport, page: PageInput): PageIdentity {
  const seen = page.seenAt && !Number.isNaN(page.seenAt.getTime()) ? page.seenAt : new Date();
  const siteName = report.siteName ? truncate(report.siteName.trim(), FIELD_CHARS.siteName) : null;
  const fallbackSite = (siteName ?? 'local').toLowerCase() || 'local';
  // Without the article text, the figures' sentences are the best view of the article we have.
  const termText = page.text ?? report.figures.map((figure) => figure.sentence).join('\n');
  return {
    pageKey: truncate(canonicalPageKey(page.url), FIELD_CHARS.pageKey) || 'unknown',
    site: truncate(siteOfSource(page.url, fallbackSite), FIELD_CHARS.site) || 'local',
    fingerprint: fingerprintOf(report, page.text),
    storyTerms: cleanTerms(storyTermsOf(report.title ?? '', termText, MAX_STORY_TERMS), MAX_STORY_TERMS),
    source: truncate(page.url, FIELD_CHARS.source),
    title: truncate(report.title ?? '', FIELD_CHARS.title),
    siteName,
    publishedAt: validDateOrNull(report.publishedAt),
    seenAt: seen.toISOString(),
  };
}

/** The interval of a figure, or null when it has no usable value (NaN, both ends open...). */
function usableInterval(figure: Figure): { low: number | null; high: number | null } | null {
  const low = finiteOrNull(figure.low);
  const high = finiteOrNull(figure.high);
  if (low === undefined || high === undefined) return null;
  if (low === null && high === null) return null;
  if (low !== null && high !== null && low > high) return null;
  return { low, high };
}

/** Kept id of a page's figure: unique across pages (the same "f3" exists on every page). */
export function keptIdOf(pageKey: string, figureId: string): string {
  return `k${hashString(`${pageKey}\u0000${figureId}`)}`;
}

/** The records to keep for a page, at most `limits.perPage`, in the page's order. */
export function recordsOfPage(report: ScanReport, identity: PageIdentity, limits: StoreLimits): Map<string, KeptFigureRecord> {
  const byFigureId = new Map<string, KeptFigureRecord>();
  const usedIds = new Set<string>();
  for (const figure of report.figures) {
    if (byFigureId.size >= limits.perPage) break;
    if (typeof figure.what !== 'string' || figure.what.trim() === '' || typeof figure.id !== 'string') continue;
    if (byFigureId.has(figure.id)) continue;
    const interval = usableInterval(figure);
    if (!interval) continue;
    const id = keptIdOf(identity.pageKey, figure.id);
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    const sentence = typeof figure.sentence === 'string' ? figure.sentence : '';
    byFigureId.set(figure.id, {
      id,
      pageKey: identity.pageKey,
      site: identity.site,
      what: truncate(figure.what.trim(), FIELD_CHARS.what),
      unit: truncate(typeof figure.unit === 'string' && figure.unit ? figure.unit : 'count', FIELD_CHARS.unit),
      number: truncate(typeof figure.number === 'string' ? figure.number : '', FIELD_CHARS.number),
      low: interval.low,
      high: interval.high,
      text: truncate(typeof figure.text === 'string' ? figure.text : '', FIELD_CHARS.text),
      sentence: truncate(sentence, FIELD_CHARS.sentence),
      attributedTo: typeof figure.attributedTo === 'string' ? truncate(figure.attributedTo, FIELD_CHARS.attributedTo) : null,
      // The extractor's own context, as it gave it: the shared conflict rule reads it the same
      // way for a kept figure as for one of the page (the story test adds names when it needs them).
      context: cleanTerms(Array.isArray(figure.context) ? figure.context.filter((t) => typeof t === 'string') : [], MAX_CONTEXT_TERMS),
      storyTerms: identity.storyTerms,
      fingerprint: identity.fingerprint,
      source: identity.source,
      title: identity.title,
      siteName: identity.siteName,
      publishedAt: identity.publishedAt,
      seenAt: identity.seenAt,
    });
  }
  return byFigureId;
}
