import type { Span } from '../types';

// The article text is built from the page's text nodes with white space collapsed, so offsets
// in it are not offsets in any one node. A TextSegment records where a run of article text
// came from, character for character: text.slice(start, end) === node.data.slice(nodeOffset,
// nodeOffset + (end - start)). Characters that have no such twin (the "\n\n" between blocks,
// a collapsed run of new lines or no-break spaces written as one space, text read from
// metadata) belong to no segment; they are only ever white space or text with no place on
// the page, so a highlight loses nothing visible by skipping them.

export interface TextSegment {
  start: number;
  end: number;
  node: Text;
  nodeOffset: number;
}

/** A piece of one text node, ready for Range#setStart/setEnd. */
export interface DomSpan {
  node: Text;
  startOffset: number;
  endOffset: number;
}

const SKIPPABLE = /^[\s\u200B\u2060\uFEFF\u00AD]*$/;

/** Index of the first segment whose end is after `offset` (segments are sorted by start). */
function firstSegmentEndingAfter(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The pieces of DOM text that hold article text [start, end), in document order, one per
 * text node (adjacent segments of one node are merged so a highlight is one range per node).
 */
export function domSpansFor(segments: readonly TextSegment[], start: number, end: number): DomSpan[] {
  const spans: DomSpan[] = [];
  if (end <= start) return spans;
  for (let i = firstSegmentEndingAfter(segments, start); i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.start >= end) break;
    const from = Math.max(start, seg.start);
    const to = Math.min(end, seg.end);
    const startOffset = seg.nodeOffset + (from - seg.start);
    const endOffset = seg.nodeOffset + (to - seg.start);
    const last = spans[spans.length - 1];
    if (last && last.node === seg.node && last.endOffset <= startOffset && SKIPPABLE.test(seg.node.data.slice(last.endOffset, startOffset))) {
      // Only white space the text collapsed (or invisible characters) of the same node lies
      // between: one range, as a reader would select it.
      last.endOffset = endOffset;
    } else {
      spans.push({ node: seg.node, startOffset, endOffset });
    }
  }
  return spans;
}

/** DOM Ranges (of `doc`) covering article text [start, end): what the content script highlights. */
export function rangesFor(segments: readonly TextSegment[], start: number, end: number, doc: Document): Range[] {
  return domSpansFor(segments, start, end).map((span) => {
    const range = doc.createRange();
    range.setStart(span.node, span.startOffset);
    range.setEnd(span.node, span.endOffset);
    return range;
  });
}

// Characters a reader never sees: zero-width spaces, word joiners, the byte-order mark and
// soft hyphens. They are dropped from the article text so that words match across pages.
// (Zero-width joiners stay: they shape emoji and the letters of several scripts.)
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/;
const TOKEN = /[\u200B\u2060\uFEFF\u00AD]+|[^\S\u200B\u2060\uFEFF]+|[^\s\u200B\u2060\uFEFF\u00AD]+/g;

/**
 * Builds article text block by block from pieces of text, collapsing white space inside a
 * block to one space, trimming blocks, joining them with "\n\n", and keeping the exact map
 * back to the text nodes the pieces came from.
 */
export class ArticleTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly blocks: Span[] = [];
  readonly segments: TextSegment[] = [];
  private blockStart = -1;
  /** Index in `parts` of the current block's first piece; -1 once the pieces were merged. */
  private blockPart = -1;
  private pendingSpace = false;
  /** The last literal ' ' of the pending white-space run, so the emitted space can be mapped. */
  private pendingSpaceSource: { node: Text; offset: number } | null = null;

  /** Add text to the current block; `node` is the DOM text node it was read from, if any. */
  append(data: string, node: Text | null = null): void {
    for (const match of data.matchAll(TOKEN)) this.token(match[0], match.index, node);
  }

  /**
   * `append` as resumable steps for a long text (a hostile page's megabyte text node): yields
   * after every `charsPerStep` characters read. The result is the same as append's.
   */
  *appendSteps(data: string, node: Text | null, charsPerStep: number): Generator<void, void, void> {
    let stepStart = 0;
    for (const match of data.matchAll(TOKEN)) {
      if (match.index - stepStart >= charsPerStep) {
        yield;
        stepStart = match.index;
      }
      this.token(match[0], match.index, node);
    }
  }

  private token(token: string, at: number, node: Text | null): void {
    if (INVISIBLE.test(token[0]!)) return;
    if (/\s/.test(token[0]!)) {
      if (this.blockStart < 0) return;
      if (!this.pendingSpace) {
        this.pendingSpace = true;
        this.pendingSpaceSource = null;
      }
      // Map the space to the run's last literal ' ', next to the word that follows, so that
      // the space and that word make one segment of one node.
      const literal = node ? token.lastIndexOf(' ') : -1;
      if (node && literal >= 0) this.pendingSpaceSource = { node, offset: at + literal };
      return;
    }
    if (this.blockStart < 0) {
      if (this.blocks.length > 0) this.emit('\n\n', null, 0);
      this.blockStart = this.length;
      this.blockPart = this.parts.length;
    } else if (this.pendingSpace) {
      const source = this.pendingSpaceSource;
      this.emit(' ', source?.node ?? null, source?.offset ?? 0);
    }
    this.pendingSpace = false;
    this.pendingSpaceSource = null;
    this.emit(token, node, at);
  }

  /** Separate what comes next from what came before by a space (table cells of one row). */
  softBreak(): void {
    if (this.blockStart < 0 || this.pendingSpace) return;
    this.pendingSpace = true;
    this.pendingSpaceSource = null;
  }

  /** Close the current block (no-op when it holds no visible text). */
  endBlock(): void {
    if (this.blockStart >= 0) this.blocks.push({ start: this.blockStart, end: this.length });
    // A block is a piece per word and per space; kept, it becomes one piece, so the text's final
    // join is a few thousand pieces on a 1 MB page instead of 350,000 (40-60 ms in Firefox).
    if (this.blockStart >= 0 && this.blockPart >= 0 && this.parts.length - this.blockPart > 1) {
      const joined = this.parts.slice(this.blockPart).join('');
      this.parts.length = this.blockPart;
      this.parts.push(joined);
    }
    this.blockStart = -1;
    this.pendingSpace = false;
    this.pendingSpaceSource = null;
  }

  /** Text of the block being built so far (for deciding whether to keep it). */
  currentBlockText(): string {
    if (this.blockStart < 0) return '';
    // Only this block's pieces: joining the whole text for every block is quadratic (16 s on a 1 MB page).
    return this.blockPart >= 0 ? this.parts.slice(this.blockPart).join('') : this.text().slice(this.blockStart);
  }

  /** Drop the block being built, as if it had never been started. */
  discardBlock(): void {
    if (this.blockStart < 0) return;
    const keep = this.blocks.length > 0 ? this.blockStart - 2 : this.blockStart;
    this.truncate(keep);
    this.blockStart = -1;
    this.pendingSpace = false;
    this.pendingSpaceSource = null;
  }

  text(): string {
    if (this.parts.length > 1) {
      const joined = this.parts.join('');
      this.parts.length = 0;
      this.parts.push(joined);
      this.blockPart = -1;
    }
    return this.parts[0] ?? '';
  }

  private truncate(to: number): void {
    // Drop whole pieces from the end rather than re-joining the whole text for every dropped block.
    while (this.parts.length > 0 && this.length - this.parts[this.parts.length - 1]!.length >= to) {
      this.length -= this.parts.pop()!.length;
    }
    if (this.length > to) {
      const last = this.parts.pop()!;
      this.parts.push(last.slice(0, last.length - (this.length - to)));
    }
    this.blockPart = -1;
    this.length = to;
    while (this.segments.length > 0 && this.segments[this.segments.length - 1]!.start >= to) this.segments.pop();
    const last = this.segments[this.segments.length - 1];
    if (last && last.end > to) last.end = to;
  }

  private emit(chunk: string, node: Text | null, nodeOffset: number): void {
    const start = this.length;
    this.parts.push(chunk);
    this.length += chunk.length;
    if (!node) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === start && last.nodeOffset + (last.end - last.start) === nodeOffset) {
      last.end = this.length;
    } else {
      this.segments.push({ start, end: this.length, node, nodeOffset });
    }
  }
}
