import type { HighlightPainter, Mark } from './highlights';

// Highlights take no pointer events, so a click on a marked cue reaches the page as a click
// on its text. This maps the click's point back to our mark: highlightsFromPoint where the
// browser has it (Chrome 140+, Firefox 150+), else the caret position under the point and a
// test against our ranges. Either way the answer is confirmed against the ranges' boxes, so a
// click in the empty space after a line's end does not count.

interface HighlightHit {
  highlight?: Highlight;
  ranges?: AbstractRange[];
}
type HighlightsFromPoint = (x: number, y: number) => Array<Highlight | HighlightHit>;
type CaretPositionFromPoint = (x: number, y: number) => { offsetNode: Node; offset: number } | null;
type CaretRangeFromPoint = (x: number, y: number) => Range | null;

const SLACK = 2;

function rangeCovers(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - SLACK && x <= rect.right + SLACK && y >= rect.top - SLACK && y <= rect.bottom + SLACK) return true;
  }
  return false;
}

function covers(mark: Mark, x: number, y: number): boolean {
  return mark.ranges.some((range) => rangeCovers(range, x, y));
}

function candidatesFromHighlights(painter: HighlightPainter, x: number, y: number): Mark[] | null {
  const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
  if (typeof fromPoint !== 'function') return null;
  const hits = fromPoint.call(CSS.highlights, x, y);
  const kinds = new Set<string>();
  for (const hit of hits) {
    // The first implementations returned Highlight objects; the spec now returns {highlight, ranges}.
    const highlight = hit instanceof Highlight ? hit : hit.highlight;
    const kind = painter.kindOfHighlight(highlight);
    if (kind) kinds.add(kind);
  }
  return painter.all.filter((mark) => kinds.has(mark.kind));
}

function candidatesFromCaret(painter: HighlightPainter, doc: Document, x: number, y: number): Mark[] {
  let node: Node | null = null;
  let offset = 0;
  const caretPosition = (doc as unknown as { caretPositionFromPoint?: CaretPositionFromPoint }).caretPositionFromPoint;
  const caretRange = (doc as unknown as { caretRangeFromPoint?: CaretRangeFromPoint }).caretRangeFromPoint;
  if (typeof caretPosition === 'function') {
    const position = caretPosition.call(doc, x, y);
    if (position) ({ offsetNode: node, offset } = position);
  } else if (typeof caretRange === 'function') {
    const range = caretRange.call(doc, x, y);
    if (range) ({ startContainer: node, startOffset: offset } = range);
  }
  if (!node) return [];
  const at = node;
  return painter.all.filter((mark) =>
    mark.ranges.some((range) => {
      try {
        return range.isPointInRange(at, offset);
      } catch {
        return false; // the point is in another document or a doctype
      }
    }),
  );
}

/** Our mark under the viewport point (x, y), or undefined. Innermost (latest-starting) wins. */
export function markAtPoint(painter: HighlightPainter, doc: Document, x: number, y: number): Mark | undefined {
  if (painter.all.length === 0) return undefined;
  const candidates = candidatesFromHighlights(painter, x, y) ?? candidatesFromCaret(painter, doc, x, y);
  const hits = candidates.filter((mark) => covers(mark, x, y));
  return hits.sort((a, b) => b.start - a.start)[0];
}
