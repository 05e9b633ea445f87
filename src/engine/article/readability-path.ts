// Readability's path to the article, for `npm run eval -- --extract readability` and the tests
// that compare the two paths. It is not in the content script: there every page is read by the
// sliced path (candidates.ts), and Readability is about a fifth of the script each page would
// load. Callers pass it in (ExtractOptions.readability).
import { Readability } from '@mozilla/readability';
import { EMBEDDED_POST } from './candidates';
import { textNodesOf, type ArticleFinder, type Found, type Twins } from './extract';
import { isWrapper, type Precheck } from './precheck';
import { nextAfter } from './walk';

/**
 * Finds the live twin of a text node of the clone. A deep clone has the same text nodes in the
 * same order, so pairing by position (done before Readability rearranges the clone) is exact.
 * But when a first attempt finds too little text, Readability restores the page from its own
 * HTML copy and tries again: those text nodes are new and have no positional twin, so they are
 * re-anchored by their text — the live node with the same data, in document order after the
 * last one matched (a clone's text is the page's text, character for character).
 */
class TwinFinder implements Twins {
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

// Embedded posts (tweets and the like) that an article quotes as its evidence. Sites wrap
// them in containers named "social", "embed" or "media", which Readability discards as
// clutter; unwrapping them (in the clone only) lets them be read like any block quote.
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
    const next = nextAfter(el, root);
    if (!next) break;
    el = next;
  }
  for (const [top, inner] of chains) top.replaceWith(inner);
}

/** Readability on a deep clone: one synchronous step, however large the page. */
export const readabilityFound: ArticleFinder = (doc: Document, check: Precheck, maxElems: number): Found | string => {
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
    return `no article found: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!parsed?.content) return 'no article found: 0 paragraphs of text';
  return {
    roots: [parsed.content],
    twins,
    leaveOut: null,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    publishedTime: parsed.publishedTime ?? null,
    siteName: parsed.siteName ?? null,
    lang: parsed.lang ?? null,
  };
};
