// Metadata a page states about its article: publication date, site name, byline, language.
// Pages state them in many places and forms; we read the common ones and normalise, and
// return null rather than a guess when none is usable.

import { firstMeta, jsonLdTexts, metaTags } from './meta-tags';

const EARLIEST_YEAR = 1990;

/** An ISO 8601 form of a date string a page gives, or null when it is not a plausible date. */
export function normalizeDate(raw: string | null | undefined, now: Date = new Date()): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (!value) return null;
  let iso: string | null = null;
  // Already ISO (date, or date and time with optional fraction and offset): keep the page's own
  // precision and offset. A space between date and time is a common sloppy variant.
  const isoLike = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (isoLike) {
    iso = value.replace(' ', 'T');
  } else if (/^\d{10,13}$/.test(value)) {
    // Unix time in seconds or milliseconds.
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    iso = new Date(ms).toISOString();
  } else {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) iso = new Date(ms).toISOString();
  }
  if (!iso) return null;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  // Placeholder dates ("0001-01-01T00:00:00Z") and dates far in the future are not statements.
  if (year < EARLIEST_YEAR || ms > now.getTime() + 366 * 24 * 3600 * 1000) return null;
  return iso;
}

// Meta names (lower case) that give the publication time, most trusted first.
const PUBLISHED_META = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'article:publicationdate',
  'publication_date',
  'publish_date',
  'published_time',
  'citation_publication_date',
  'dc.date.created',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date',
  'dc.date.issued',
  'date',
];

/** The first usable JSON-LD datePublished, read without trusting the JSON's shape. */
function jsonLdDatePublished(doc: Document): string | null {
  for (const text of jsonLdTexts(doc)) {
    for (const match of text.matchAll(/"datePublished"\s*:\s*"([^"]{4,40})"/g)) {
      const date = normalizeDate(match[1]);
      if (date) return date;
    }
  }
  return null;
}

/**
 * The article's publication date, from (in order of trust) what Readability found, the
 * usual meta tags, JSON-LD, and finally the first <time datetime> inside the article (or the
 * page when the article element is not known).
 */
export function findPublishedAt(doc: Document, readabilityTime: string | null | undefined, articleRoot: Element | null): string | null {
  const candidates: Array<() => string | null | undefined> = [
    () => readabilityTime,
    () => firstMeta(metaTags(doc), PUBLISHED_META),
    () => {
      // Microdata on an element that is not a <meta>: <time itemprop="datePublished" datetime=...>.
      const el = (articleRoot ?? doc).querySelector('[itemprop="datePublished"]');
      return el?.getAttribute('content') ?? el?.getAttribute('datetime');
    },
    () => jsonLdDatePublished(doc),
    () => (articleRoot ?? doc).querySelector('time[datetime]')?.getAttribute('datetime'),
    () => doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = normalizeDate(candidate());
    if (date) return date;
  }
  return null;
}

export function collapseSpaces(value: string): string {
  return value.replace(/[\s\u200B-\u200D\uFEFF]+/g, ' ').trim();
}

/** Byline as a reader would write it: "Jane Doe", not "By \n  Jane Doe". */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = collapseSpaces(raw).replace(/^by\s+/i, '');
  // A byline that runs on into a date ("Jeff Foust — November 18, 2019") keeps the names only.
  value = value.replace(/\s*[—–|]\s*(?:(?:published|updated|posted)\b.*|\w+ \d{1,2}, \d{4}.*)$/i, '');
  if (!value || value.length > 120) return null;
  // A date or time where the byline should be is not a byline.
  if (/^(?:(?:published|updated|posted)\b|\w+ \d{1,2}, \d{4}\b)/i.test(value)) return null;
  return value;
}

export function findSiteName(doc: Document, readabilitySiteName: string | null | undefined): string | null {
  const value = readabilitySiteName ?? firstMeta(metaTags(doc), ['og:site_name', 'application-name']);
  return value ? collapseSpaces(value) || null : null;
}

/** `<html lang>`, the language the page says it is in. */
export function findLang(doc: Document, readabilityLang: string | null | undefined): string | null {
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || readabilityLang?.trim();
  return lang || null;
}
