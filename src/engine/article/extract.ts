import type { ArticleText } from '../types';
import { ArticleTextBuilder, type TextSegment } from './textmap';
import { endsLikeSentence, isFurniture, wordCount } from './furniture';
import { findHeadline } from './headline';
import { cleanByline, collapseSpaces, findLang, findPublishedAt, findSiteName } from './metadata';
import { firstMeta, metaTags } from './meta-tags';
import { precheck, type Precheck } from './precheck';
import { findArticleSteps } from './candidates';
import { runToEnd, type Steps } from '../run-steps';

export type { TextSegment } from './textmap';

/** The article text of a page plus the map from its offsets back to the page's text nodes. */
export interface ExtractedArticle extends ArticleText {
  /** Sorted by start; see textmap.ts for the exact guarantee. Empty when not an article. */
  segments: TextSegment[];
}

export interface ExtractOptions {
  /** The page's address; a site's home page or a search page is not taken as an article. */
  url?: string;
  /** Pages with more elements than this are not read at all (Readability has no time bound). */
  maxElemsToParse?: number;
  /**
   * Whether a live element is rendered. In a browser the default is Element#checkVisibility;
   * where there is no layout (jsdom) every element counts as visible.
   */
  isVisible?: (el: Element) => boolean;
  /** precheck(doc) when the caller already ran it (the content script does, first): not run twice. */
  precheck?: Precheck;
  /**
   * How the article is found: 'sliced' (our own container search on the live page, in bounded
   * steps; 'auto', the default, is the same) or 'readability' (Readability on a deep clone: one
   * long synchronous step, for comparing the two; it needs `readability`).
   */
  method?: ExtractMethod;
  /**
   * Readability's path (readabilityFound in readability-path.ts), for method 'readability'.
   * Passed in rather than imported, so that the content script does not carry Readability.
   */
  readability?: ArticleFinder;
}

export type ExtractMethod = 'readability' | 'sliced' | 'auto';

/** Big enough for any news page seen so far (the largest fixture has about 1,100 elements). */
export const DEFAULT_MAX_ELEMS = 30_000;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;

// Elements that end one block of text and start another. Everything else is inline: its text
// joins the block around it.
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT',
  'THEAD', 'TR', 'UL',
]);

// A table row reads as one line ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%"): its cells are
// separated by a space, not made blocks of their own.
const CELL_TAGS = new Set(['TD', 'TH']);

// Where a paragraph-level block starts, for the visibility rule in ContentWriter.
const PARAGRAPH_TAGS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGCAPTION', 'TD', 'TH', 'DD', 'DT', 'PRE']);

// Elements whose text is never article prose: code, controls and embedded media.
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'MATH', 'math', 'BUTTON', 'SELECT', 'OPTION',
  'TEXTAREA', 'INPUT', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG',
]);

/** Text nodes under `root` in document order. */
export function textNodesOf(doc: Document, root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Maps a text node the writer reads to the live page's node it shows (null: none). */
export interface Twins {
  find(node: Text): Text | null;
}

/** The sliced path reads the live page itself: every node is its own twin. */
const SAME_NODE: Twins = { find: (node) => node };

function emptyArticle(doc: Document, reason: string, title: string): ExtractedArticle {
  return {
    isArticle: false,
    reason,
    title,
    text: '',
    blocks: [],
    publishedAt: null,
    siteName: null,
    byline: null,
    lang: findLang(doc, null),
    segments: [],
  };
}

/** A URL that names a site's front page or a search, not one article. */
function nonArticleUrl(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol)) return null;
  if (/^\/?(?:index\.\w+)?$/.test(parsed.pathname) && !parsed.search) return "the site's home page";
  if (/(?:^|\/)search(?:\/|$)/i.test(parsed.pathname) || /[?&](?:q|query|search)=/.test(parsed.search)) return 'a search page';
  return null;
}

interface BlockStats {
  /** Blocks that read as prose (not counting the headline). */
  proseBlocks: number;
  proseChars: number;
  /** Blocks dropped because they were nothing but a link. */
  linkBlocks: number;
  /** Of those, headings: the headlines of a list of stories. */
  linkHeadings: number;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Longer blocks are never furniture (isFurniture's longest rule stops at 300 characters). */
const FURNITURE_MAX_CHARS = 1000;

/** Work units (nodes) the content writer does between two yields. */
const WRITE_WORK_PER_STEP = 200;
/** Characters of text that count as one unit of the writer's work. */
const TEXT_CHARS_PER_WORK = 50;

/**
 * Walks Readability's cleaned article (in the clone) and writes its blocks into the builder,
 * mapping clone text nodes to live ones, dropping furniture and repeated blocks.
 */
class ContentWriter {
  readonly stats: BlockStats = { proseBlocks: 0, proseChars: 0, linkBlocks: 0, linkHeadings: 0 };
  private readonly seen = new Set<string>();
  private linkChars = 0;
  private allChars = 0;

  constructor(
    private readonly builder: ArticleTextBuilder,
    private readonly twins: Twins,
    headline: string,
    private readonly isVisible: ((el: Element) => boolean) | null,
    /** Elements left out with all they hold, beyond the tags and markup every page skips. */
    private readonly leaveOut: ((el: Element) => boolean) | null = null,
  ) {
    this.seen.add(headline.toLowerCase());
  }

  /**
   * Hover cards sit inline in a paragraph, hidden until pointed at, and hold links to other
   * stories ("Kristi NoemKristi Lynn NoemSouth Dakota governor doubles down..."). Text inside a
   * hidden element that holds links, within a paragraph that is itself visible, is such a
   * widget. Hidden text without links is kept: it is the rest of a caption or paragraph behind
   * a "[+]" or "Continue reading" control, and still the article's.
   */
  private inHiddenWidget(live: Text): boolean {
    if (!this.isVisible) return false;
    let hiddenRoot: Element | null = null;
    let el = live.parentElement;
    for (; el && !this.isVisible(el); el = el.parentElement) {
      // A whole paragraph (or caption, list item...) hidden: text behind "Continue reading".
      if (PARAGRAPH_TAGS.has(el.tagName.toUpperCase())) return false;
      hiddenRoot = el;
    }
    if (!hiddenRoot || !el || hiddenRoot.querySelector('a[href]') === null) return false;
    for (let up: Element | null = el; up; up = up.parentElement) {
      if (PARAGRAPH_TAGS.has(up.tagName.toUpperCase())) return true;
    }
    return false;
  }

  /**
   * Writes the blocks under `root` (root included), without recursion, yielding after every
   * WRITE_WORK_PER_STEP units of work (a node, or a few dozen characters of text: a long text
   * node yields inside, see ArticleTextBuilder.appendSteps).
   */
  *writeSteps(root: Node): Steps<void> {
    let work = 0;
    let node: Node = root;
    // Per open element: whether it is a block, a heading, and whether it is inside a link.
    const open: { el: Element; block: boolean; heading: boolean; link: boolean }[] = [];
    for (;;) {
      if (work >= WRITE_WORK_PER_STEP) {
        yield;
        work = 0;
      }
      work++;
      const inLink = open.length > 0 && open[open.length - 1]!.link;
      let entered = false;
      if (node.nodeType === TEXT_NODE) {
        const text = node as Text;
        const live = this.twins.find(text);
        if (!live || !this.inHiddenWidget(live)) {
          const data = text.data;
          const visible = data.replace(/\s+/g, '').length;
          this.allChars += visible;
          if (inLink) this.linkChars += visible;
          if (data.length > TEXT_CHARS_PER_WORK * WRITE_WORK_PER_STEP) {
            yield* this.builder.appendSteps(data, live, TEXT_CHARS_PER_WORK * WRITE_WORK_PER_STEP);
          } else {
            this.builder.append(data, live);
            work += Math.floor(data.length / TEXT_CHARS_PER_WORK);
          }
        }
      } else if (node.nodeType === ELEMENT_NODE) {
        const el = node as Element;
        const tag = el.tagName.toUpperCase();
        const skipped =
          SKIPPED_TAGS.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' ||
          (node !== root && this.leaveOut !== null && this.leaveOut(el));
        if (!skipped) {
          const block = BLOCK_TAGS.has(tag);
          if (block) this.closeBlock();
          else if (CELL_TAGS.has(tag)) this.builder.softBreak();
          open.push({ el, block, heading: HEADING_TAGS.has(tag), link: inLink || tag === 'A' });
          if (el.firstChild) {
            node = el.firstChild;
            entered = true;
          } else {
            this.leave(open.pop()!);
          }
        }
      }
      if (entered) continue;
      // Next: the next sibling, or the next sibling of the nearest open element that has one.
      if (node === root) return;
      let next: Node | null = node.nextSibling;
      while (!next) {
        const parent = open.pop();
        if (!parent) return;
        this.leave(parent);
        if (parent.el === root) return;
        next = parent.el.nextSibling;
      }
      node = next;
    }
  }

  private leave(entry: { block: boolean; heading: boolean }): void {
    if (entry.block) this.closeBlock(entry.heading);
  }

  closeBlock(isHeading = false): void {
    const text = this.builder.currentBlockText();
    const linkShare = this.allChars > 0 ? this.linkChars / this.allChars : 0;
    this.linkChars = 0;
    this.allChars = 0;
    if (text === '') return;
    const key = text.toLowerCase();
    if (this.seen.has(key)) {
      this.builder.discardBlock();
      return;
    }
    // Furniture is short (every rule of isFurniture gives up past a few hundred characters):
    // a long block is not even asked, so a megabyte paragraph costs no regex pass over it.
    if (text.length <= FURNITURE_MAX_CHARS && isFurniture(text, { linkShare })) {
      if (linkShare >= 0.9) {
        this.stats.linkBlocks++;
        if (isHeading) this.stats.linkHeadings++;
      }
      this.builder.discardBlock();
      return;
    }
    // Before the first paragraph stand the page's labels around the headline: the
    // publication's name, a section, a dateline. A few words that are not a sentence there
    // are not the article.
    if (this.stats.proseBlocks === 0 && !isHeading && text.length < 100 && wordCount(text) <= 5 && !endsLikeSentence(text)) {
      this.builder.discardBlock();
      return;
    }
    this.seen.add(key);
    if (text.length >= 80 || (text.length >= 40 && endsLikeSentence(text))) {
      this.stats.proseBlocks++;
      this.stats.proseChars += text.length;
    }
    this.builder.endBlock();
  }
}

/** Why the extracted text is not an article, or null when it is one. */
function notAnArticle(stats: BlockStats, articleMetadata: boolean): string | null {
  const paragraphs = `${stats.proseBlocks} paragraph${stats.proseBlocks === 1 ? '' : 's'} of text`;
  if (stats.linkBlocks >= 5 && stats.linkBlocks > stats.proseBlocks) {
    return `no article found: ${paragraphs} among ${stats.linkBlocks} links`;
  }
  // Headlines that link elsewhere, each with a teaser: a section front, not one story. An
  // article's own subheadings are not links, and a related-stories box has a few at most.
  if (stats.linkHeadings >= 4 && stats.linkHeadings * 2 >= stats.proseBlocks) {
    return `no article found: a list of ${stats.linkHeadings} headlines`;
  }
  // A page that says it is an article may be a short brief; anything else must look like one.
  const enough = articleMetadata
    ? stats.proseBlocks >= 1 && stats.proseChars >= 150
    : stats.proseBlocks >= 2 && stats.proseChars >= 250;
  return enough ? null : `no article found: ${paragraphs}`;
}

/** Element#checkVisibility where the DOM has layout (browsers); none in jsdom. */
function defaultVisibility(doc: Document): ((el: Element) => boolean) | null {
  const probe = doc.documentElement as Element & { checkVisibility?: () => boolean };
  if (typeof probe?.checkVisibility !== 'function') return null;
  return (el) => (el as Element & { checkVisibility: () => boolean }).checkVisibility();
}


/**
 * 'auto' reads every page by the sliced path: on the fixtures it finds the same article text
 * as Readability (mean word F1 0.957 both, same flags and figures), and in Chromium its
 * longest step is 5-20 ms where Readability's one parse takes 10-65 ms on ordinary news pages
 * (300-1,000 elements) and 180-600 ms on a 1 MB page. Readability no longer gets a second look
 * when the sliced path finds no article: on Readability's own 130 test pages that changed the
 * outcome of one (a made-up page of 890 characters, with no flag and no figure), and it made
 * Readability a fifth of the content script that every page loads.
 */
export function chooseMethod(method: ExtractMethod = 'auto'): 'readability' | 'sliced' {
  return method === 'readability' ? 'readability' : 'sliced';
}

/** A path to the article: where its blocks are (Found), or why there is none. */
export type ArticleFinder = (doc: Document, check: Precheck, maxElems: number) => Found | string;

/** What a path found: where the article's blocks are, and what the page says about them. */
export interface Found {
  roots: Node[];
  twins: Twins;
  leaveOut: ((el: Element) => boolean) | null;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  lang: string | null;
}

/** Our own container search on the live page, in bounded steps; no clone. */
function* slicedFound(doc: Document): Steps<Found | string> {
  const found = yield* findArticleSteps(doc.body!);
  if (!found) return 'no article found: 0 paragraphs of text';
  return {
    roots: found.roots,
    twins: SAME_NODE,
    leaveOut: found.leaveOut,
    title: null,
    byline: found.byline ?? firstMeta(metaTags(doc), ['author', 'article:author', 'parsely-author', 'dc.creator']),
    publishedTime: null,
    siteName: null,
    lang: null,
  };
}

/**
 * Find the article on a page: its headline, body paragraphs, captions and pull quotes as
 * plain text, with a map back to the live page's text nodes. Never modifies `doc`.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle {
  return runToEnd(extractArticleSteps(doc, options));
}

/** extractArticle as resumable steps (see steps.ts). */
export function* extractArticleSteps(doc: Document, options: ExtractOptions = {}): Steps<ExtractedArticle> {
  const pageTitle = collapseSpaces(doc.title ?? '');
  const byUrl = nonArticleUrl(options.url);
  let check = options.precheck;
  if (!check) {
    check = precheck(doc);
    yield;
  }
  if (byUrl && !check.articleMetadata) return emptyArticle(doc, `no article found: ${byUrl}`, pageTitle);
  if (!check.candidate) return emptyArticle(doc, check.reason ?? 'no article found', pageTitle);

  const maxElems = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS;
  const elementCount = doc.getElementsByTagName('*').length;
  if (maxElems > 0 && elementCount > maxElems) {
    return emptyArticle(doc, `page too large to read: ${elementCount} elements (limit ${maxElems})`, pageTitle);
  }

  const isVisible = options.isVisible ?? (check.collapseWrappers ? null : defaultVisibility(doc));
  let found: Found | string;
  if (chooseMethod(options.method) === 'sliced') {
    found = yield* slicedFound(doc);
  } else {
    if (!options.readability) throw new Error("extraction method 'readability' needs ExtractOptions.readability (readability-path.ts)");
    found = options.readability(doc, check, maxElems);
  }
  yield;
  return typeof found === 'string' ? emptyArticle(doc, found, pageTitle) : yield* writeArticle(doc, found, check, isVisible, pageTitle);
}

/** The found blocks written as the article (or why they are not one). */
function* writeArticle(
  doc: Document,
  found: Found,
  check: Precheck,
  isVisible: ((el: Element) => boolean) | null,
  pageTitle: string,
): Steps<ExtractedArticle> {
  const headline = findHeadline(doc, [found.title, metaTags(doc).get('og:title'), pageTitle], isVisible);
  const builder = new ArticleTextBuilder();
  if (headline.element) {
    for (const node of textNodesOf(doc, headline.element)) builder.append(node.data, node);
  } else {
    builder.append(headline.text, null);
  }
  builder.endBlock();
  yield;

  const writer = new ContentWriter(builder, found.twins, headline.text, isVisible, found.leaveOut);
  for (const root of found.roots) {
    yield* writer.writeSteps(root);
    writer.closeBlock();
  }

  const reason = notAnArticle(writer.stats, check.articleMetadata);
  if (reason) return emptyArticle(doc, reason, headline.text || pageTitle);
  yield;

  return {
    isArticle: true,
    reason: null,
    title: headline.text,
    text: builder.text(),
    blocks: builder.blocks,
    publishedAt: findPublishedAt(doc, found.publishedTime, headline.element?.closest('article') ?? null),
    siteName: findSiteName(doc, found.siteName),
    byline: cleanByline(found.byline),
    lang: findLang(doc, found.lang),
    segments: builder.segments,
  };
}
