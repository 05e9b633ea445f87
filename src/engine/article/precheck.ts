import { isProbablyReaderable } from '@mozilla/readability';
import { jsonLdTexts, metaTags } from './meta-tags';

// The content script runs on every page a user opens, and most are not articles (home pages,
// search results, web apps). This check reads only what is cheap to read — a few meta tags
// and the length of paragraph-like elements — so a page that is clearly not an article costs
// about a millisecond and never reaches the full extraction.

/**
 * What the page says about itself in metadata: og:type article, an article publication time,
 * or a JSON-LD article. (An <article> element alone is weaker: home pages wrap teasers in it.)
 */
export function hasArticleMetadata(doc: Document): boolean {
  const tags = metaTags(doc);
  const ogType = tags.get('og:type')?.toLowerCase() ?? '';
  if (ogType.startsWith('article')) return true;
  if (tags.has('article:published_time')) return true;
  for (const text of jsonLdTexts(doc)) {
    if (/"@type"\s*:\s*\[?\s*"(?:\w*NewsArticle|Article|BlogPosting|Report|OpinionNewsArticle|AnalysisNewsArticle|ReportageNewsArticle|LiveBlogPosting)"/.test(text)) {
      return true;
    }
  }
  return doc.querySelector('[itemtype*="schema.org/NewsArticle"], [itemtype*="schema.org/Article"]') !== null;
}

/** Minimum characters for a paragraph-like element to count as a paragraph of text. */
export const PARAGRAPH_MIN_CHARS = 80;

/** Number of paragraph-like elements with real text, and their total length. */
export function paragraphStats(doc: Document, limit = 400): { paragraphs: number; chars: number } {
  let paragraphs = 0;
  let chars = 0;
  const nodes = doc.querySelectorAll('p, pre, blockquote, li');
  const n = Math.min(nodes.length, limit);
  for (let i = 0; i < n; i++) {
    const length = (nodes[i]!.textContent ?? '').trim().length;
    if (length >= PARAGRAPH_MIN_CHARS) {
      paragraphs++;
      chars += length;
    }
  }
  return { paragraphs, chars };
}

export interface Precheck {
  /** True when the page is worth a full extraction. */
  candidate: boolean;
  /** Why not, when it is not. */
  reason: string | null;
  /** The page's metadata says it is an article (og:type, JSON-LD, published time). */
  articleMetadata: boolean;
}

/**
 * Cheap decision whether to run the full extraction. Readability's own heuristic
 * (isProbablyReaderable) misses short articles and some real pages, so a page that says it is
 * an article and holds at least one paragraph of text is also given a chance.
 */
export function precheck(doc: Document): Precheck {
  const articleMetadata = hasArticleMetadata(doc);
  if (!doc.body) return { candidate: false, reason: 'no article found: the page has no body', articleMetadata };
  if (isProbablyReaderable(doc)) return { candidate: true, reason: null, articleMetadata };
  const stats = paragraphStats(doc);
  const saysArticle = articleMetadata || doc.getElementsByTagName('article').length > 0;
  if (saysArticle && stats.paragraphs >= 1 && stats.chars >= 150) return { candidate: true, reason: null, articleMetadata };
  return {
    candidate: false,
    reason: `no article found: ${stats.paragraphs} paragraph${stats.paragraphs === 1 ? '' : 's'} of text`,
    articleMetadata,
  };
}
