import type { ArticleText } from '../types';
import { ArticleTextBuilder } from './textmap';
import { endsLikeSentence, isBylineLine, isFurniture, wordCount } from './furniture';

// A .txt file read as the text of a page: what a person gets by selecting a whole news page
// and copying it. It still holds the page's furniture — skip links, share bars, section
// names, photo credits, related links, credits — one piece per line. Lines are judged one by
// one (furniture rules shared with HTML pages) and by where they stand: nothing before the
// headline is the article, and what is not prose after the last paragraph of prose is the
// page's tail (related links, credits, share bars).

interface Line {
  text: string;
  /** Starts a new paragraph (follows a blank line or starts the file). */
  afterBlank: boolean;
}

/** Reads as prose: a sentence of some length, or a long run of words. */
function isProse(text: string): boolean {
  return (endsLikeSentence(text) && wordCount(text) >= 6) || text.length >= 160;
}

/** Could be a headline: a few words on a line of their own, not a sentence ending in a full stop. */
function isTitleLike(text: string): boolean {
  const words = wordCount(text);
  return words >= 3 && words <= 30 && text.length <= 220 && !/[.,;:]$/.test(text);
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = true;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[\s\u00A0]+/g, ' ').trim();
    if (line === '') {
      afterBlank = true;
      continue;
    }
    lines.push({ text: line, afterBlank });
    afterBlank = false;
  }
  return lines;
}

/**
 * Paragraphs of the file: a blank line ends one. Inside a paragraph, a line joins the one
 * before it when that one was cut mid-sentence by hard wrapping (long, no closing punctuation);
 * otherwise each line stands alone (lists, furniture lines, one-line paragraphs).
 */
function paragraphs(lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const cutMidSentence = previous !== undefined && previous.length >= 50 && !endsLikeSentence(previous);
    if (!line.afterBlank && cutMidSentence && /^[\p{Ll}\p{N}"“‘'(]/u.test(line.text)) {
      out[out.length - 1] = `${previous} ${line.text}`;
    } else {
      out.push(line.text);
    }
  }
  return out;
}

export function articleFromPlainText(input: string): ArticleText {
  const blocks = paragraphs(readLines(input));
  const counts = new Map<string, number>();
  for (const block of blocks) counts.set(block.toLowerCase(), (counts.get(block.toLowerCase()) ?? 0) + 1);

  // A line repeated on a page that is not a sentence is navigation or a related link.
  const furniture = blocks.map((b) => isFurniture(b) || ((counts.get(b.toLowerCase()) ?? 0) > 1 && !isProse(b)));
  const prose = blocks.map((b, i) => !furniture[i] && isProse(b));
  const firstProse = prose.indexOf(true);
  const lastProse = prose.lastIndexOf(true);

  let headlineIndex = -1;
  for (let i = 0; i < (firstProse < 0 ? blocks.length : firstProse); i++) {
    if (!furniture[i] && isTitleLike(blocks[i]!)) {
      headlineIndex = i;
      break;
    }
  }
  const byline = blocks.find((b) => isBylineLine(b))?.replace(/^by\s+/i, '') ?? null;

  const builder = new ArticleTextBuilder();
  const title = headlineIndex >= 0 ? blocks[headlineIndex]! : '';
  if (title) {
    builder.append(title);
    builder.endBlock();
  }
  const seen = new Set<string>([title.toLowerCase()]);
  let proseBlocks = 0;
  let proseChars = 0;
  for (let i = Math.max(headlineIndex + 1, 0); i <= lastProse; i++) {
    const block = blocks[i]!;
    if (furniture[i] || seen.has(block.toLowerCase())) continue;
    // Between the headline and the first paragraph stand section names, datelines and
    // credits; only prose there is the article's (a standfirst written as a sentence).
    if (i < firstProse && !prose[i]) continue;
    seen.add(block.toLowerCase());
    if (prose[i]) {
      proseBlocks++;
      proseChars += block.length;
    }
    builder.append(block);
    builder.endBlock();
  }

  const base = { publishedAt: null, siteName: null, byline, lang: null };
  // Someone chose to scan this text, so one short paragraph of prose is enough.
  if (proseBlocks === 0 || proseChars < 80) {
    return {
      ...base,
      isArticle: false,
      reason: `no article found: ${proseBlocks} paragraph${proseBlocks === 1 ? '' : 's'} of text`,
      title,
      text: '',
      blocks: [],
    };
  }
  return { ...base, isArticle: true, reason: null, title, text: builder.text(), blocks: builder.blocks };
}
