import { Readability } from '@mozilla/readability';
import type { ArticleText } from '../types';
import { ArticleTextBuilder, type TextSegment } from './textmap';
import { endsLikeSentence, isFurniture, wordCount } from './furniture';
import { findHeadline } from './headline';
import { cleanByline, collapseSpaces, findLang, findPublishedAt, findSiteName } from './metadata';
import { metaTags } from './meta-tags';
import { isWrapper, precheck, type Precheck } from './precheck';

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
}

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
function textNodesOf(doc: Document, root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * Finds the live twin of a text node of the clone. A deep clone has the same text nodes in the
 * same order, so pairing by position (done before Readability rearranges the clone) is exact.
 * But when a first attempt finds too little text, Readability restores the page from its own
 * HTML copy and tries again: those text nodes are new and have no positional twin, so they are
 * re-anchored by their text — the live node with the same data, in document order after the
 * last one matched (a clone's text is the page's text, character for character).
 */
class TwinFinder {
  private readonly twins = new Map<Text, Text>();
  private readonly liveNodes: Text[];
  private byData: Map<string, number[]> | null = null;
  private readonly used = new Set<number>();
  private cursor = 0;

  constructor(live: Document, clone: Document) {
    this.liveNodes = textNodesOf(live, live.documentElement);
    const cloneNodes = textNodesOf(clone, clone.documentElement);
    if (cloneNodes.length !== this.liveNodes.length) return;
    for (let i = 0; i < cloneNodes.length; i++) this.twins.set(cloneNodes[i]!, this.liveNodes[i]!);
  }

  find(node: Text): Text | null {
    const twin = this.twins.get(node);
    if (twin) return twin;
    if (!/\S/.test(node.data)) return null;
    if (!this.byData) {
      this.byData = new Map();
      this.liveNodes.forEach((live, i) => {
        if (!/\S/.test(live.data)) return;
        const list = this.byData!.get(live.data);
        if (list) list.push(i);
        else this.byData!.set(live.data, [i]);
      });
    }
    const candidates = this.byData.get(node.data);
    if (!candidates) return null;
    const free = candidates.filter((i) => !this.used.has(i));
    const index = free.find((i) => i >= this.cursor) ?? free[0];
    if (index === undefined) return null;
    this.used.add(index);
    this.cursor = index + 1;
    return this.liveNodes[index]!;
  }
}

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
    private readonly twins: TwinFinder,
    headline: string,
    private readonly isVisible: ((el: Element) => boolean) | null,
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

  write(node: Node, inLink: boolean): void {
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      const live = this.twins.find(text);
      if (live && this.inHiddenWidget(live)) return;
      const data = text.data;
      const visible = data.replace(/\s+/g, '').length;
      this.allChars += visible;
      if (inLink) this.linkChars += visible;
      this.builder.append(data, live);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) this.closeBlock();
    else if (CELL_TAGS.has(tag)) this.builder.softBreak();
    const link = inLink || tag === 'A';
    for (let child = el.firstChild; child; child = child.nextSibling) this.write(child, link);
    if (isBlock) this.closeBlock(HEADING_TAGS.has(tag));
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
    if (isFurniture(text, { linkShare })) {
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
    if (this.stats.proseBlocks === 0 && !isHeading && wordCount(text) <= 5 && !endsLikeSentence(text)) {
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

// Embedded posts (tweets and the like) that an article quotes as its evidence. Sites wrap
// them in containers named "social", "embed" or "media", which Readability discards as
// clutter; unwrapping them (in the clone only) lets them be read like any block quote.
const EMBEDDED_POST = 'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.bluesky-embed, blockquote.mastodon-embed, blockquote.threads-embed';
const WRAPPER_TAGS = new Set(['DIV', 'SECTION', 'FIGURE', 'ASIDE', 'SPAN', 'P']);

function unwrapEmbeddedPosts(clone: Document): void {
  // Most pages have no block quotes at all: look for them by tag before matching selectors.
  if (clone.getElementsByTagName('blockquote').length === 0) return;
  for (const quote of Array.from(clone.querySelectorAll(EMBEDDED_POST))) {
    const own = (quote.textContent ?? '').trim().length;
    quote.removeAttribute('class');
    for (let wrapper = quote.parentElement; wrapper && wrapper !== clone.body; wrapper = quote.parentElement) {
      if (!WRAPPER_TAGS.has(wrapper.tagName.toUpperCase())) break;
      // Only a container of nothing but this post is unwrapped, never a section around it.
      if ((wrapper.textContent ?? '').trim().length > own + 20) break;
      wrapper.replaceWith(quote);
    }
  }
}

/**
 * Replaces each chain of two or more wrappers (see isWrapper) in the clone by the element they
 * wrap, so Readability, whose cost grows with depth, never sees the chain. One move per chain;
 * text nodes are only moved, never copied, so their live twins stay paired.
 */
function collapseWrapperChains(root: Element): void {
  const chains: [Element, Element][] = [];
  let el: Element = root;
  for (;;) {
    if (el !== root && isWrapper(el) && isWrapper(el.firstElementChild!)) {
      let inner = el.firstElementChild!;
      while (isWrapper(inner)) inner = inner.firstElementChild!;
      chains.push([el, inner]);
      el = inner;
    }
    const child = el.firstElementChild;
    if (child) {
      el = child;
      continue;
    }
    let next: Element | null = null;
    while (el !== root) {
      next = el.nextElementSibling;
      if (next) break;
      el = el.parentElement!;
    }
    if (!next) break;
    el = next;
  }
  for (const [top, inner] of chains) top.replaceWith(inner);
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
 * Find the article on a page: its headline, body paragraphs, captions and pull quotes as
 * plain text, with a map back to the live page's text nodes. Never modifies `doc`.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle {
  const pageTitle = collapseSpaces(doc.title ?? '');
  const byUrl = nonArticleUrl(options.url);
  const check = options.precheck ?? precheck(doc);
  if (byUrl && !check.articleMetadata) return emptyArticle(doc, `no article found: ${byUrl}`, pageTitle);
  if (!check.candidate) return emptyArticle(doc, check.reason ?? 'no article found', pageTitle);

  const maxElems = options.maxElemsToParse ?? DEFAULT_MAX_ELEMS;
  const elementCount = doc.getElementsByTagName('*').length;
  if (maxElems > 0 && elementCount > maxElems) {
    return emptyArticle(doc, `page too large to read: ${elementCount} elements (limit ${maxElems})`, pageTitle);
  }

  // Readability rewrites the document it reads, so it reads a deep clone.
  const clone = doc.cloneNode(true) as Document;
  const twins = new TwinFinder(doc, clone);
  // A page nested past MAX_DOM_DEPTH only through wrapper chains (precheck refuses any other).
  if (check.collapseWrappers && clone.body) collapseWrapperChains(clone.body);
  unwrapEmbeddedPosts(clone);
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(clone, {
      serializer: (el) => el,
      ...(maxElems > 0 ? { maxElemsToParse: maxElems } : {}),
    }).parse();
  } catch (error) {
    return emptyArticle(doc, `no article found: ${error instanceof Error ? error.message : String(error)}`, pageTitle);
  }
  if (!parsed?.content) return emptyArticle(doc, 'no article found: 0 paragraphs of text', pageTitle);

  // Browsers do not lay out elements nested thousands deep (Firefox stops at a few hundred
  // levels, Chromium takes minutes): asking whether they are rendered says nothing useful there
  // and can hang the tab, so a page read through collapsed wrappers skips the visibility rule.
  const isVisible = options.isVisible ?? (check.collapseWrappers ? null : defaultVisibility(doc));
  const headline = findHeadline(doc, [parsed.title, metaTags(doc).get('og:title'), pageTitle], isVisible);
  const builder = new ArticleTextBuilder();
  if (headline.element) {
    for (const node of textNodesOf(doc, headline.element)) builder.append(node.data, node);
  } else {
    builder.append(headline.text, null);
  }
  builder.endBlock();

  const writer = new ContentWriter(builder, twins, headline.text, isVisible);
  writer.write(parsed.content, false);
  writer.closeBlock();

  const reason = notAnArticle(writer.stats, check.articleMetadata);
  if (reason) return emptyArticle(doc, reason, headline.text || pageTitle);

  return {
    isArticle: true,
    reason: null,
    title: headline.text,
    text: builder.text(),
    blocks: builder.blocks,
    publishedAt: findPublishedAt(doc, parsed.publishedTime, headline.element?.closest('article') ?? null),
    siteName: findSiteName(doc, parsed.siteName),
    byline: cleanByline(parsed.byline),
    lang: findLang(doc, parsed.lang),
    segments: builder.segments,
  };
}
