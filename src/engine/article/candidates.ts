import type { Steps } from '../run-steps';
import { nextAfter } from './walk';

// The article's container, found on the live page in bounded steps (the "sliced" extraction
// path; extract.ts chooses between it and Readability). The scoring is Readability's idea,
// written for a single walk: every paragraph with enough text scores its parent fully, its
// grandparent half and a few more ancestors less; a container's score is scaled down by the
// share of its text inside links; the best container wins, with those of its siblings that
// score well or read as prose. Nothing is cloned and nothing on the page is changed: the walk
// keeps per-element counts in maps, and what it returns are live elements.

/** Elements the walk visits between two yields. */
export const CANDIDATE_ELEMENTS_PER_STEP = 250;

// Class or id words of furniture containers (menus, comments, share bars, sidebars, ads, author
// boxes, video players...).
// An element that has one, and none of the words of article containers, is left out.
const UNLIKELY =
  /-ad-|ad-break|advert|agegate|author|banner|breadcrumb|byline|combx|comment|community|contrib|cookie|cover-wrap|disclaimer|disqus|extra|footer|gdpr|header|legends|menu|newsletter|outbrain|pager|pagination|player|popup|promo|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|taboola|trending|yom-remote/i;
const MAYBE_CONTENT = /and|article|body|column|content|main|shadow/i;
// Class or id words that raise or lower a container's score.
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
/** Share bars, by class or id ("share", "share-tools", "sharedaddy"). */
export const SHARE_BAR = /(?:\b|_)(?:share|sharedaddy)(?:\b|_)/i;

/** ARIA roles of page furniture. */
const FURNITURE_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);

/** Tags never part of an article's prose: code, controls, media, and the page's own furniture. */
const LEFT_OUT_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA',
  'INPUT', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'NAV', 'ASIDE',
  'FOOTER', 'FORM', 'DIALOG', 'HEAD', 'LINK', 'META',
]);

/** Elements whose text is scored as one paragraph. */
const PARAGRAPH_TAGS = new Set(['P', 'PRE', 'TD']);

/** A DIV holding none of these reads as a paragraph of its own. */
const BLOCK_CHILD_TAGS = new Set(['BLOCKQUOTE', 'DL', 'DIV', 'IMG', 'OL', 'P', 'PRE', 'TABLE', 'UL', 'SECTION', 'ARTICLE', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Tags whose number in a container the conditional cleaning weighs. */
const COUNTED_TAGS: Readonly<Record<string, 'paragraphs' | 'images' | 'items' | 'inputs' | 'embeds'>> = {
  P: 'paragraphs', IMG: 'images', LI: 'items', INPUT: 'inputs', EMBED: 'embeds', OBJECT: 'embeds', IFRAME: 'embeds', VIDEO: 'embeds',
};

/** Containers inside the article that are dropped when they look like furniture by their counts. */
const CONDITIONAL_TAGS = new Set(['DIV', 'UL', 'FIELDSET']);

/** How far up a paragraph's score reaches. */
const SCORED_ANCESTORS = 5;

/** A paragraph needs this many characters to count. */
const MIN_PARAGRAPH_CHARS = 25;

/** How far up the search for an ancestor shared by near-best containers goes. */
const MAX_SHARED_ANCESTOR_LEVELS = 30;

/** Containers considered for the top place after link density. */
const TOP_CANDIDATES = 5;

const COMMAS = /[\u002C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;

/** Hidden by markup alone (no layout needed): hidden, aria-hidden, inline display or visibility. */
export function hiddenByOwnMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function classAndId(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return cls && id ? `${cls} ${id}` : cls || id;
}

/**
 * True when `el` and everything in it is left out of the article: a tag, role, or class/id of
 * furniture, or hidden by markup. The same rule decides what the walk scores and what the
 * writer reads from the chosen containers.
 */
export function isLeftOut(el: Element, byNames = true): boolean {
  const tag = el.tagName.toUpperCase();
  if (LEFT_OUT_TAGS.has(tag)) return true;
  if (hiddenByOwnMarkup(el)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (!byNames || tag === 'BODY' || tag === 'A' || tag === 'ARTICLE' || tag === 'MAIN' || tag === 'HTML') return false;
  const names = classAndId(el);
  if (names === '') return false;
  return UNLIKELY.test(names) && !MAYBE_CONTENT.test(names);
}

function classWeight(el: Element): number {
  let weight = 0;
  for (const name of [el.getAttribute('class') ?? '', el.getAttribute('id') ?? '']) {
    if (name === '') continue;
    if (NEGATIVE.test(name)) weight -= 25;
    if (POSITIVE.test(name)) weight += 25;
  }
  return weight;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'DIV': return 5;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': return 3;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': return -3;
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': case 'TH': return -5;
    default: return 0;
  }
}

/** Text counts of an element's kept content, summed bottom-up by the walk. */
interface Counts {
  chars: number;
  linkChars: number;
  commas: number;
  /** Text directly in the element (its own text nodes), for a DIV that mixes text and blocks. */
  ownChars: number;
  ownCommas: number;
  /** Whether a child element is a block (BLOCK_CHILD_TAGS). */
  blockChild: boolean;
  /** Descendant paragraphs, images, list items, form inputs and embedded players. */
  paragraphs: number;
  images: number;
  items: number;
  inputs: number;
  embeds: number;
}

export interface ArticleRoots {
  /** The live elements whose content is the article, in document order. */
  roots: Element[];
  /** The first byline-like element's text, when one was seen. */
  byline: string | null;
  /**
   * Whether the writer leaves an element inside the roots out: isLeftOut, or a short share
   * bar (its length is known from the walk's counts, so no element's text is read twice).
   */
  leaveOut: (el: Element) => boolean;
  /** Characters of text the roots hold (what the writer will read, before furniture rules). */
  chars: number;
}

/** Fewer characters than this in the found containers: try again without the class/id rule. */
export const RETRY_BELOW_CHARS = 500;

/**
 * The article's containers (see findArticleRootsSteps). A first walk leaves out elements
 * whose class or id names furniture; when what it finds is short, some site named its
 * article's wrapper like furniture ("Page-ad-margins"), and a second walk without that rule
 * is taken if it finds more.
 */
export function* findArticleSteps(body: Element): Steps<ArticleRoots | null> {
  const first = yield* findArticleRootsSteps(body, true);
  if (first && first.chars >= RETRY_BELOW_CHARS) return first;
  const second = yield* findArticleRootsSteps(body, false);
  if (!first) return second;
  return second && second.chars > first.chars ? second : first;
}

const BYLINE_NAMES = /byline|author|dateline|writtenby|p-author/i;
/** Byline-like elements remembered by the walk (the first one with short text wins). */
const MAX_BYLINE_CANDIDATES = 20;
/** Share bars longer than this are not only a share bar. */
const SHARE_BAR_MAX_CHARS = 500;

function looksLikeByline(el: Element): boolean {
  if (el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').includes('author')) return true;
  const names = classAndId(el);
  return names !== '' && BYLINE_NAMES.test(names);
}

/**
 * The article's containers on the live page, or null when no paragraph scored. Walks `body`
 * once without recursion (pages nested thousands deep are fine), yielding every
 * CANDIDATE_ELEMENTS_PER_STEP elements; then ranks at most a few candidates.
 */
export function* findArticleRootsSteps(body: Element, byNames = true): Steps<ArticleRoots | null> {
  const counts = new Map<Element, Counts>();
  const scores = new Map<Element, number>();
  const bylines: Element[] = [];
  const embedWrappers = embeddedPostWrappers(body);

  const countsOf = (el: Element): Counts => {
    let c = counts.get(el);
    if (!c) {
      c = { chars: 0, linkChars: 0, commas: 0, ownChars: 0, ownCommas: 0, blockChild: false, paragraphs: 0, images: 0, items: 0, inputs: 0, embeds: 0 };
      counts.set(el, c);
    }
    return c;
  };
  const addScore = (el: Element, value: number) => {
    let score = scores.get(el);
    if (score === undefined) score = tagWeight(el.tagName.toUpperCase()) + classWeight(el);
    scores.set(el, score + value);
  };
  /** A paragraph of `chars` characters and `commas` commas, whose parent is ancestors[0]. */
  const scoreParagraph = (first: Element | null, chars: number, commas: number) => {
    if (chars < MIN_PARAGRAPH_CHARS || !first) return;
    const score = 1 + commas + Math.min(Math.floor(chars / 100), 3);
    let el: Element | null = first;
    for (let level = 0; el && level < SCORED_ANCESTORS; level++, el = el.parentElement) {
      if (el === body.parentElement) break;
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      addScore(el, score / divider);
    }
  };
  /** Leaving an element: its counts go to its parent, and a paragraph scores its ancestors. */
  const leave = (el: Element) => {
    const c = counts.get(el);
    const tag = el.tagName.toUpperCase();
    const parent = el === body ? null : el.parentElement;
    if (parent) {
      const kind = COUNTED_TAGS[tag];
      if (kind) countsOf(parent)[kind]++;
      if (BLOCK_CHILD_TAGS.has(tag)) countsOf(parent).blockChild = true;
    }
    if (!c) return;
    if (PARAGRAPH_TAGS.has(tag) || (tag === 'DIV' && !c.blockChild)) {
      scoreParagraph(parent, c.chars, c.commas);
    } else if (tag === 'DIV' && c.ownChars > 0) {
      // Text written straight into a DIV beside blocks: a paragraph whose parent is the DIV.
      scoreParagraph(el, c.ownChars, c.ownCommas);
    }
    if (!parent) return;
    const p = countsOf(parent);
    p.chars += c.chars;
    p.commas += c.commas;
    p.linkChars += tag === 'A' ? c.chars : c.linkChars;
    p.paragraphs += c.paragraphs;
    p.images += c.images;
    p.items += c.items;
    p.inputs += c.inputs;
    p.embeds += c.embeds;
  };

  let visited = 0;
  let el: Element = body;
  for (;;) {
    if (++visited % CANDIDATE_ELEMENTS_PER_STEP === 0) yield;
    // Enter `el`: its own text nodes are counted here, its child elements visited next.
    let descend = false;
    if (bylines.length < MAX_BYLINE_CANDIDATES && looksLikeByline(el)) bylines.push(el);
    if (el === body || embedWrappers.has(el) || !isLeftOut(el, byNames)) {
      for (let node = el.firstChild; node; node = node.nextSibling) {
        if (node.nodeType !== 3) continue;
        const data = (node as Text).data;
        const chars = data.trim().length;
        if (chars === 0) continue;
        const c = countsOf(el);
        const commas = data.match(COMMAS)?.length ?? 0;
        c.chars += chars;
        c.ownChars += chars;
        c.commas += commas;
        c.ownCommas += commas;
      }
      descend = el.firstElementChild !== null;
    }
    if (descend) {
      el = el.firstElementChild!;
      continue;
    }
    // Leave `el` and every ancestor finished with it. The page may have changed while the walk
    // was paused: an element taken out of the page ends the walk with what it counted.
    leave(el);
    if (el === body) break;
    const next = nextAfter(el, body, leave);
    if (!next) break;
    el = next;
  }
  yield;

  // Rank: the raw score scaled by the share of text outside links.
  const final = (e: Element): number => {
    const c = counts.get(e);
    const density = c && c.chars > 0 ? c.linkChars / c.chars : 0;
    return (scores.get(e) ?? 0) * (1 - density);
  };
  const ranked = [...scores.keys()]
    .map((e) => ({ el: e, score: final(e) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_CANDIDATES);
  if (ranked.length === 0 || ranked[0]!.score <= 0) return null;
  let top = ranked[0]!.el;
  const topScore = ranked[0]!.score;

  // Several near-best containers under one ancestor: the ancestor holds the article (a story
  // split into sections, each scoring about the same).
  const close = ranked.slice(1).filter((r) => r.score / topScore >= 0.75).map((r) => r.el);
  if (close.length >= 3) {
    // A few levels up at most: each level asks `contains` of every close candidate.
    let levels = 0;
    for (let up = top.parentElement; up && up !== body && levels < MAX_SHARED_ANCESTOR_LEVELS; up = up.parentElement, levels++) {
      if (close.filter((c) => up!.contains(c)).length >= 3) {
        top = up;
        break;
      }
    }
  }
  // A parent that scores at least as well holds more of the article.
  let last = final(top);
  const threshold = last / 3;
  for (let up = top.parentElement; up && up !== body; up = up.parentElement) {
    if (!scores.has(up)) continue;
    const s = final(up);
    if (s < threshold) break;
    if (s > last) {
      top = up;
      break;
    }
    last = s;
  }
  // A container that is its parent's only child: the parent is the container.
  while (top.parentElement && top.parentElement !== body && top.parentElement.children.length === 1) top = top.parentElement;
  yield;

  // Siblings that belong to the article: well scored ones, and paragraphs that read as prose.
  const parent = top.parentElement;
  const result = (roots: Element[]): ArticleRoots => ({
    roots,
    byline: bylineOf(bylines, counts),
    leaveOut: (e) => !embedWrappers.has(e) && (leaveOut(e, counts, byNames) || conditionallyOut(e, counts, scores.get(e) ?? 0)),
    chars: roots.reduce((n, r) => n + (counts.get(r)?.chars ?? 0), 0),
  });
  if (!parent || top === body) return result([top]);
  const bestScore = Math.max(final(top), topScore);
  const siblingThreshold = Math.max(10, bestScore * 0.2);
  const topClass = top.getAttribute('class') ?? '';
  const roots: Element[] = [];
  let seen = 0;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (++seen % CANDIDATE_ELEMENTS_PER_STEP === 0) yield;
    if (sibling === top) {
      roots.push(sibling);
      continue;
    }
    if (isLeftOut(sibling, byNames)) continue;
    const bonus = topClass !== '' && sibling.getAttribute('class') === topClass ? bestScore * 0.2 : 0;
    if (scores.has(sibling) && final(sibling) + bonus >= siblingThreshold) {
      roots.push(sibling);
      continue;
    }
    if (sibling.tagName.toUpperCase() === 'P') {
      const c = counts.get(sibling);
      if (!c) continue;
      const density = c.chars > 0 ? c.linkChars / c.chars : 0;
      if (c.chars > 80 && density < 0.25) roots.push(sibling);
      else if (c.chars > 0 && c.chars <= 80 && density === 0 && /\.(?:\s|$)/.test(sibling.textContent ?? '')) roots.push(sibling);
    }
  }
  return result(roots);
}

// Embedded posts (tweets and the like) that an article quotes as its evidence. Sites wrap them
// in containers named "social", "embed" or "media"; a container of nothing but such a post is
// read like the block quote it holds.
export const EMBEDDED_POST =
  'blockquote.twitter-tweet, blockquote.twitter-video, blockquote.bluesky-embed, blockquote.mastodon-embed, blockquote.threads-embed';
const EMBED_WRAPPER_TAGS = new Set(['DIV', 'SECTION', 'FIGURE', 'ASIDE', 'SPAN', 'P']);

/** The embedded posts of the page and the containers that hold nothing else. */
function embeddedPostWrappers(body: Element): Set<Element> {
  const wrappers = new Set<Element>();
  // Most pages have no block quotes at all: look for them by tag before matching selectors.
  if (body.getElementsByTagName('blockquote').length === 0) return wrappers;
  for (const quote of Array.from(body.querySelectorAll(EMBEDDED_POST))) {
    wrappers.add(quote);
    const own = (quote.textContent ?? '').trim().length;
    for (let wrapper = quote.parentElement; wrapper && wrapper !== body; wrapper = wrapper.parentElement) {
      if (!EMBED_WRAPPER_TAGS.has(wrapper.tagName.toUpperCase())) break;
      if ((wrapper.textContent ?? '').trim().length > own + 20) break;
      wrappers.add(wrapper);
    }
  }
  return wrappers;
}

function bylineOf(candidates: readonly Element[], counts: ReadonlyMap<Element, Counts>): string | null {
  for (const el of candidates) {
    const chars = counts.get(el)?.chars ?? 0;
    if (chars === 0 || chars >= 100) continue;
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim() || null;
  }
  return null;
}

/**
 * A container inside the article that reads as furniture by its counts (Readability's
 * "conditional cleaning"): a class or id of furniture not outweighed by its score; or, when
 * it holds few commas (little prose), mostly links, more list items than paragraphs, form
 * inputs, images without text, or an embedded player with hardly any text.
 */
function conditionallyOut(el: Element, counts: ReadonlyMap<Element, Counts>, score: number): boolean {
  const tag = el.tagName.toUpperCase();
  if (!CONDITIONAL_TAGS.has(tag)) return false;
  const weight = classWeight(el);
  if (weight + score < 0) return true;
  const c = counts.get(el);
  if (!c || c.commas >= 10) return false;
  const isList = tag === 'UL';
  const linkDensity = c.chars > 0 ? c.linkChars / c.chars : 0;
  const p = c.paragraphs;
  if (c.images > 1 && p / c.images < 0.5) return true;
  if (!isList && c.items - 100 > p) return true;
  if (c.inputs > Math.floor(p / 3)) return true;
  if (!isList && c.chars < 25 && (c.images === 0 || c.images > 2) && linkDensity > 0) return true;
  if (!isList && weight < 25 && linkDensity > 0.2) return true;
  if (weight >= 25 && linkDensity > 0.5) return true;
  return (c.embeds === 1 && c.chars < 75) || c.embeds > 1;
}

function leaveOut(el: Element, counts: ReadonlyMap<Element, Counts>, byNames: boolean): boolean {
  if (isLeftOut(el, byNames)) return true;
  const names = classAndId(el);
  return names !== '' && SHARE_BAR.test(names) && (counts.get(el)?.chars ?? 0) < SHARE_BAR_MAX_CHARS;
}
