import { jsonLdTexts, metaTags } from './meta-tags';
import { runToEnd, type Steps } from '../run-steps';
import { nextAfter } from './walk';
import { readerableSteps } from './readerable';

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

/**
 * Deepest element nesting a page may have and still be read, counted from <body>. Readability
 * walks ancestors and re-reads the text of every ancestor, so its cost grows with depth ×
 * elements: a DOM nested 5,000 deep kept a tab busy for minutes. Real news pages nest 20–60
 * levels; 400 leaves them all a wide margin. Chains of empty wrappers (an element whose only
 * content is one element, the shape of generated "div soup") do not count towards the limit:
 * extractArticle collapses them in its copy of the page before Readability sees it.
 */
export const MAX_DOM_DEPTH = 400;

/** Most elements the depth walk visits; past this it stops and reports what it found. */
export const DEPTH_WALK_MAX_ELEMENTS = 200_000;

/** Why a page nested deeper than MAX_DOM_DEPTH is not read. */
export const TOO_DEEP_REASON = `page too deeply nested: more than ${MAX_DOM_DEPTH} levels of elements`;

// Container tags whose only job can be to wrap: a chain of these around one element adds no
// structure worth keeping. Lists, tables, paragraphs, links and quotes always count.
const WRAPPER_TAGS = new Set(['DIV', 'SECTION', 'SPAN', 'MAIN', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'FONT', 'CENTER']);

/** An element whose whole content is one element (and white space): a wrapper. */
export function isWrapper(el: Element): boolean {
  if (el.childElementCount !== 1 || !WRAPPER_TAGS.has(el.tagName.toUpperCase())) return false;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && /\S/.test((node as Text).data)) return false;
  }
  return true;
}

/**
 * How deeply elements nest under `root` (its children are level 1), found by an iterative walk
 * (no recursion, so no stack overflow) that stops as soon as it passes `stopAt` and after
 * DEPTH_WALK_MAX_ELEMENTS elements: its cost is bounded whatever the page. With
 * `collapseWrappers`, a wrapper (isWrapper) adds no level for the element inside it.
 */
export function nestingDepth(root: Element, stopAt = MAX_DOM_DEPTH, collapseWrappers = false): number {
  return runToEnd(nestingDepthSteps(root, stopAt, collapseWrappers));
}

/** Elements the depth walk visits between two yields. */
const DEPTH_ELEMENTS_PER_STEP = 2000;

/** nestingDepth as resumable steps: a yield every DEPTH_ELEMENTS_PER_STEP elements. */
export function* nestingDepthSteps(root: Element, stopAt = MAX_DOM_DEPTH, collapseWrappers = false): Steps<number> {
  const cost = (el: Element) => (collapseWrappers && isWrapper(el) ? 0 : 1);
  let depth = 0;
  let deepest = 0;
  let visited = 0;
  let el: Element = root;
  for (;;) {
    if (++visited > DEPTH_WALK_MAX_ELEMENTS) return deepest;
    if (visited % DEPTH_ELEMENTS_PER_STEP === 0) yield;
    const child = el.firstElementChild;
    if (child) {
      depth += cost(el);
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
      el = child;
      continue;
    }
    // No children: on to the next element, one level less for every ancestor finished.
    const next = nextAfter(el, root, (ancestor) => (depth -= cost(ancestor)));
    if (!next) return deepest;
    el = next;
  }
}

export interface Precheck {
  /** True when the page is worth a full extraction. */
  candidate: boolean;
  /** Why not, when it is not. */
  reason: string | null;
  /** The page's metadata says it is an article (og:type, JSON-LD, published time). */
  articleMetadata: boolean;
  /**
   * The page nests deeper than MAX_DOM_DEPTH, but only through chains of wrappers: it is read
   * once those are collapsed (extractArticle does so in its copy). False when not a candidate.
   */
  collapseWrappers: boolean;
}

/** The depth guard for a candidate page: whether it can be read, else the refusal. */
function* depthCheckSteps(doc: Document, articleMetadata: boolean): Steps<Precheck> {
  const body = doc.body!;
  if ((yield* nestingDepthSteps(body)) <= MAX_DOM_DEPTH) return { candidate: true, reason: null, articleMetadata, collapseWrappers: false };
  if ((yield* nestingDepthSteps(body, MAX_DOM_DEPTH, true)) <= MAX_DOM_DEPTH) return { candidate: true, reason: null, articleMetadata, collapseWrappers: true };
  return { candidate: false, reason: TOO_DEEP_REASON, articleMetadata, collapseWrappers: false };
}

/**
 * Cheap decision whether to run the full extraction. Readability's own heuristic
 * (isProbablyReaderable) misses short articles and some real pages, so a page that says it is
 * an article and holds at least one paragraph of text is also given a chance.
 */
export function precheck(doc: Document): Precheck {
  return runToEnd(precheckSteps(doc));
}

/**
 * precheck as resumable steps: Readability's isProbablyReaderable (our sliced copy in
 * readerable.ts) and the depth walk both yield after bounded work.
 */
export function* precheckSteps(doc: Document): Steps<Precheck> {
  const articleMetadata = hasArticleMetadata(doc);
  if (!doc.body) return { candidate: false, reason: 'no article found: the page has no body', articleMetadata, collapseWrappers: false };
  // The depth walk visits every element, so it runs only for pages that could be articles.
  const readerable = yield* readerableSteps(doc);
  if (readerable) return yield* depthCheckSteps(doc, articleMetadata);
  const stats = paragraphStats(doc);
  const saysArticle = articleMetadata || doc.getElementsByTagName('article').length > 0;
  if (saysArticle && stats.paragraphs >= 1 && stats.chars >= 150) return yield* depthCheckSteps(doc, articleMetadata);
  return {
    candidate: false,
    reason: `no article found: ${stats.paragraphs} paragraph${stats.paragraphs === 1 ? '' : 's'} of text`,
    articleMetadata,
    collapseWrappers: false,
  };
}
