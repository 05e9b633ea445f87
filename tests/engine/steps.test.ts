import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/html';
import { extractArticle, type ExtractMethod, type ExtractedArticle } from '../../src/engine/article/extract';
import { readabilityFound } from '../../src/engine/article/readability-path';
import { precheck, precheckSteps } from '../../src/engine/article/precheck';
import { ArticleTextBuilder } from '../../src/engine/article/textmap';
import { scanArticle } from '../../src/engine/analyze';
import { findFlags, findFlagsSteps } from '../../src/engine/cues/detect';
import { findFigures, findFiguresSteps } from '../../src/engine/figures/extract';
import { findConflicts, findConflictsSteps } from '../../src/engine/conflicts/conflicts';
import { MAX_SENTENCE_CHARS, splitSentences, splitSentencesSteps } from '../../src/engine/text/sentences';
import { blocksOf } from '../../src/engine/text/sentences';
import { extractArticleSteps, runToEnd, scanArticleSteps, type Steps } from '../../src/engine/steps';
import type { ArticleText, Figure, Sentence } from '../../src/engine/types';

// The resumable steps (src/engine/steps.ts) give exactly what the synchronous functions give,
// and the work between two yields is bounded whatever the page: counted in work units
// (sentences and their characters, elements), never in time.

const FIXTURES = join(process.cwd(), '../shared/fixtures');
const fixturePages = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.html')).sort() : [];
const URL = 'https://news.example/2024/03/05/council-repairs';
/** The huge inputs take seconds in jsdom on a busy machine; the limit is not the assertion. */
const HEAVY_TIMEOUT_MS = 120_000;

/** Runs steps one `next()` at a time, as a driver that pauses would, counting the yields. */
function stepByStep<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, yields };
    yields++;
  }
}

/** What a reader of an extracted article sees, with each segment's node told by its text and place. */
function comparable(article: ExtractedArticle): unknown {
  const { segments, ...rest } = article;
  return { ...rest, segments: segments.map((s) => [s.start, s.end, s.nodeOffset, s.node.data]) };
}

const PLACES = ['the northern district', 'the river valley', 'the old town', 'the port', 'the airport'];
const SENTENCES = [
  (p: string, i: number) => `The regional council met on Tuesday to discuss repairs in ${p}, officials said.`,
  (p: string, i: number) => `The damage in ${p} could not be independently verified.`,
  (p: string, i: number) => `In ${p} ${i + 2} houses were damaged, the council said.`,
  (p: string, i: number) => `Sources said the contract for ${p} had been cancelled.`,
  (p: string, i: number) => `About ${i * 3 + 40} people were evacuated from ${p}, police said.`,
];

/** Synthetic article text: `count` sentences, five to a paragraph. */
function syntheticText(count: number): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < count; i++) {
    current.push(SENTENCES[i % SENTENCES.length]!(PLACES[(i * 7) % PLACES.length]!, i));
    if (current.length === 5) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

function articleOf(text: string): ArticleText {
  return { isArticle: true, reason: null, title: 'Council reports on repairs', text, blocks: blocksOf(text), publishedAt: null, siteName: null, byline: null, lang: 'en' };
}

/** A news page of our own: navigation, the article, related links, comments and a footer. */
function newsPage(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>${SENTENCES[i % 5]!(PLACES[i % 5]!, i)} ${SENTENCES[(i + 1) % 5]!(PLACES[(i + 2) % 5]!, i)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>Council reports on repairs</title><meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council reports on repairs</h1>${body}</article>
<ul class="related"><li><a href="/a">Storm closes the port for a second day</a></li><li><a href="/b">Airport reopens after flooding</a></li></ul>
<section id="comments"><p>I think the council should have acted much sooner on all of this, frankly speaking.</p></section>
<footer><p>Copyright The Daily Test. All rights reserved.</p></footer></body></html>`;
}

describe('steps give the synchronous result', () => {
  it.each(fixturePages)('on the fixture page %s, both extraction paths', (file) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    for (const method of ['readability', 'sliced', 'auto'] as ExtractMethod[]) {
      const sync = extractArticle(parseHtml(html, URL), { url: URL, method, readability: readabilityFound });
      const doc = parseHtml(html, URL);
      const check = stepByStep(precheckSteps(doc)).value;
      expect(check).toEqual(precheck(doc));
      const stepped = stepByStep(extractArticleSteps(doc, { url: URL, method, readability: readabilityFound, precheck: check }));
      expect(comparable(stepped.value)).toEqual(comparable(sync));
      const report = stepByStep(scanArticleSteps(stepped.value, file));
      expect(report.value).toEqual(scanArticle(sync, file));
    }
  });

  it('on synthetic pages and texts', () => {
    for (const paragraphs of [3, 40, 400]) {
      const html = newsPage(paragraphs);
      const sync = extractArticle(parseHtml(html, URL), { url: URL });
      const stepped = stepByStep(extractArticleSteps(parseHtml(html, URL), { url: URL }));
      expect(comparable(stepped.value)).toEqual(comparable(sync));
      expect(stepped.value.isArticle).toBe(true);
      expect(stepByStep(scanArticleSteps(stepped.value, 'x')).value).toEqual(scanArticle(sync, 'x'));
    }
    const text = syntheticText(3000);
    const sentences = splitSentences(text, blocksOf(text));
    expect(stepByStep(splitSentencesSteps(text, blocksOf(text))).value).toEqual(sentences);
    expect(stepByStep(findFlagsSteps(text, sentences, {})).value).toEqual(findFlags(text, sentences, {}));
    const figures = findFigures(text, sentences);
    expect(stepByStep(findFiguresSteps(text, sentences)).value).toEqual(figures);
    expect(stepByStep(findConflictsSteps(figures)).value).toEqual(findConflicts(figures));
    expect(runToEnd(scanArticleSteps(articleOf(text), 't'))).toEqual(scanArticle(articleOf(text), 't'));
  });

  it('the text builder gives the same text and map in steps', () => {
    const data = `  ${'word\u200B  and\u00A0more\n'.repeat(20_000)}end `;
    const whole = new ArticleTextBuilder();
    whole.append(data, null);
    whole.endBlock();
    const stepped = new ArticleTextBuilder();
    let yields = 0;
    for (const _ of stepped.appendSteps(data, null, 1000)) yields++;
    stepped.endBlock();
    expect(stepped.text()).toBe(whole.text());
    expect(stepped.blocks).toEqual(whole.blocks);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(data.length / 1000) - 1);
  });
});

/**
 * The sentences a step function reads, counted between yields: `sentences` is wrapped so that
 * every index it reads is recorded; a step's work is the characters of the sentences it
 * reached for the first time.
 */
function maxNewCharsPerStep(run: (sentences: readonly Sentence[]) => Steps<unknown>, sentences: readonly Sentence[]): { max: number; yields: number } {
  let furthest = -1;
  let stepChars = 0;
  let max = 0;
  const watched = new Proxy(sentences as Sentence[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        const i = Number(key);
        while (furthest < i && furthest + 1 < target.length) {
          furthest++;
          stepChars += target[furthest]!.text.length;
        }
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const steps = run(watched);
  let yields = 0;
  for (;;) {
    const next = steps.next();
    max = Math.max(max, stepChars);
    stepChars = 0;
    if (next.done) return { max, yields };
    yields++;
  }
}

describe('work between two yields is bounded', () => {
  /**
   * Flags and figures read at most this many characters of new sentences per step: 4,000, the
   * sentence that crosses that line, and the next sentences a cue's attribution may look at.
   */
  const STEP_CHARS = 4000 + 3 * MAX_SENTENCE_CHARS;

  it('on 5 MB of article text', () => {
    const text = syntheticText(80_000);
    expect(text.length).toBeGreaterThan(5_000_000);
    const split = stepByStep(splitSentencesSteps(text, blocksOf(text)));
    // A yield after every 8,192 characters of blocks read (the breaks between blocks are not read).
    expect(split.yields).toBeGreaterThanOrEqual(Math.floor(text.length / 10_000));
    const sentences = split.value;
    const flags = maxNewCharsPerStep((s) => findFlagsSteps(text, s, {}), sentences);
    expect(flags.max).toBeLessThanOrEqual(STEP_CHARS);
    const figures = maxNewCharsPerStep((s) => findFiguresSteps(text, s), sentences);
    expect(figures.max).toBeLessThanOrEqual(STEP_CHARS);
    expect(figures.yields).toBeGreaterThan(text.length / STEP_CHARS - 1);
  }, HEAVY_TIMEOUT_MS);

  it('on a 200 KB sentence without a full stop: cut into sentences of at most MAX_SENTENCE_CHARS', () => {
    const words = Array.from({ length: 40_000 }, (_, i) => (i % 97 === 0 ? 'reportedly' : i % 89 === 0 ? `${i} houses` : 'repairs')).join(' ');
    const blob = 'x'.repeat(30_000); // and a run with no white space at all
    const text = `${words} ${blob} the council said`;
    expect(text.length).toBeGreaterThan(200_000);
    const split = stepByStep(splitSentencesSteps(text, blocksOf(text)));
    expect(split.yields).toBeGreaterThanOrEqual(Math.floor(text.length / 8192) - 1);
    expect(Math.max(...split.value.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    // Nothing is lost: every word is in some sentence, in order.
    expect(split.value.map((s) => s.text).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    const flags = maxNewCharsPerStep((s) => findFlagsSteps(text, s, {}), split.value);
    expect(flags.max).toBeLessThanOrEqual(STEP_CHARS);
    const report = scanArticle(articleOf(text), 'long');
    expect(report.flags.length).toBeGreaterThan(0);
    expect(report.figures.length).toBeGreaterThan(0);
  }, HEAVY_TIMEOUT_MS);

  it('on 10,000 cues and 10,000 figures', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      lines.push(`Officials reportedly met in ${PLACES[i % 5]} before the vote.`);
      lines.push(`In ${PLACES[i % 5]} ${i + 2} houses were damaged, the council said.`);
    }
    const text = lines.join(' ');
    const sentences = splitSentences(text, blocksOf(text));
    const flags = maxNewCharsPerStep((s) => findFlagsSteps(text, s, {}), sentences);
    expect(flags.max).toBeLessThanOrEqual(STEP_CHARS);
    const figures = runToEnd(findFiguresSteps(text, sentences));
    expect(figures.length).toBeGreaterThanOrEqual(5000);
    // Conflicts: at most 500 figures grouped or pairs compared per step.
    const conflicts = stepByStep(findConflictsSteps(figures));
    expect(conflicts.yields).toBeGreaterThanOrEqual(Math.floor(figures.length / 500) - 1);
    expect(conflicts.value).toEqual(findConflicts(figures as Figure[]));
  }, HEAVY_TIMEOUT_MS);

  it('while extracting a page of 20,000 elements: elements looked at per step are bounded', () => {
    const paragraphs = Array.from({ length: 7000 }, (_, i) => `<p>${SENTENCES[i % 5]!(PLACES[i % 5]!, i)} <span>More</span> <b>text.</b></p>`).join('');
    const doc = parseHtml(`<!doctype html><html><head><title>Council reports on repairs</title><meta property="og:type" content="article"></head><body><article><h1>Council reports on repairs</h1>${paragraphs}</article></body></html>`, URL);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(20_000);
    const check = precheck(doc);
    // Every element the walk or the writer looks at is asked once for its `hidden` attribute.
    const proto = doc.defaultView!.Element.prototype;
    const original = proto.hasAttribute;
    let looked = 0;
    proto.hasAttribute = function (this: Element, name: string) {
      if (name === 'hidden') looked++;
      return original.call(this, name);
    };
    try {
      const steps = extractArticleSteps(doc, { url: URL, method: 'sliced', precheck: check });
      let max = 0;
      let yields = 0;
      let result: ExtractedArticle | null = null;
      for (;;) {
        looked = 0;
        const next = steps.next();
        max = Math.max(max, looked);
        if (next.done) {
          result = next.value;
          break;
        }
        yields++;
      }
      expect(result.isArticle).toBe(true);
      expect(max).toBeLessThanOrEqual(600);
      expect(yields).toBeGreaterThan(2 * 20_000 / 600);
    } finally {
      proto.hasAttribute = original;
    }
  }, HEAVY_TIMEOUT_MS);

  it('while extracting a page whose article is one 2 MB text node', () => {
    const long = Array.from({ length: 25_000 }, (_, i) => `repairs continue in district ${i}`).join(' and ');
    const html = `<!doctype html><html><head><title>Repairs</title><meta property="og:type" content="article"></head><body><article><h1>Repairs</h1><p>The council said repairs would continue through the winter in every district.</p><p id="long"></p></article></body></html>`;
    const doc = parseHtml(html, URL);
    doc.getElementById('long')!.textContent = long;
    expect(long.length).toBeGreaterThan(700_000);
    const stepped = stepByStep(extractArticleSteps(doc, { url: URL, method: 'sliced', precheck: precheck(doc) }));
    expect(stepped.value.isArticle).toBe(true);
    expect(stepped.value.text).toContain('repairs continue in district 24999');
    // The writer reads at most 200 × 50 characters of one text node per step.
    expect(stepped.yields).toBeGreaterThanOrEqual(Math.floor(long.length / 10_000));
  }, HEAVY_TIMEOUT_MS);
});
