import type { FlagKind } from '../../engine/types';

// Paints flags and conflicting figures on the page with the CSS Custom Highlight API: one
// Highlight per kind (named caveat-<kind>) plus caveat-conflict, so the page's DOM and text
// stay exactly as they were. Keeps the marks in document order for the keyboard, the click
// hit test and the popup's "show me".

export type MarkKind = FlagKind | 'conflict';

export interface Mark {
  /** The flag's or figure's id in the report. */
  id: string;
  kind: MarkKind;
  /** Offset in the article text: document order. */
  start: number;
  ranges: Range[];
}

export interface MarkSpec {
  id: string;
  kind: MarkKind;
  start: number;
  end: number;
}

export const highlightName = (kind: MarkKind): string => `caveat-${kind}`;
const FOCUS_NAME = 'caveat-focus';

/** True in browsers with the Custom Highlight API (Chrome 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightPainter {
  private marks: Mark[] = [];
  private readonly highlights = new Map<MarkKind, Highlight>();
  private readonly kindOf = new Map<Highlight, MarkKind>();
  private readonly focus = new Highlight();

  constructor() {
    // Above the kind marks, so the focused cue stands out even where marks overlap.
    this.focus.priority = 10;
  }

  get all(): readonly Mark[] {
    return this.marks;
  }

  /**
   * Replaces every mark with `specs`, as steps (one per mark) so that a driver can spread a
   * page with many flags over short slices (see schedule.ts). The new marks go into Highlight
   * objects the page does not show yet, and replace the old ones in one go at the end: every
   * change to CSS.highlights makes the browser redo all highlights at its next frame (about
   * 200 ms for 10,000 ranges in Chromium), so marks added slice by slice would cost that per
   * slice. Superseded midway, the old marks stay until the newer paint replaces them.
   */
  *paintSteps(specs: readonly MarkSpec[], rangesOf: (start: number, end: number) => Range[]): Generator<void, void, void> {
    const highlights = new Map<MarkKind, Highlight>();
    const marks = yield* this.marksFor(specs, rangesOf, (kind) => {
      let highlight = highlights.get(kind);
      if (!highlight) {
        highlight = new Highlight();
        highlights.set(kind, highlight);
      }
      return highlight;
    });
    this.clear();
    this.marks = marks;
    for (const [kind, highlight] of highlights) {
      this.highlights.set(kind, highlight);
      this.kindOf.set(highlight, kind);
      CSS.highlights.set(highlightName(kind), highlight);
    }
  }

  /**
   * Adds marks for `specs` to the ones already painted, as steps; they are shown together at
   * the end (one change to CSS.highlights). Used for the conflict marks that arrive after the
   * background's answer, so the page's own marks are not built and shown again.
   */
  *addSteps(specs: readonly MarkSpec[], rangesOf: (start: number, end: number) => Range[]): Generator<void, void, void> {
    const pending: [MarkKind, Range][] = [];
    const marks = yield* this.marksFor(specs, rangesOf, (kind) => ({ add: (range: Range) => void pending.push([kind, range]) }));
    for (const [kind, range] of pending) this.highlightFor(kind).add(range);
    // Keep document order for the keyboard and the hit test (a stable sort: the marks already
    // there come first where a mark starts at the same place).
    this.marks = [...this.marks, ...marks].sort((a, b) => a.start - b.start);
  }

  /** The marks for `specs` in document order, their ranges given to `into`; one step per mark. */
  private *marksFor(
    specs: readonly MarkSpec[],
    rangesOf: (start: number, end: number) => Range[],
    into: (kind: MarkKind) => { add(range: Range): unknown },
  ): Generator<void, Mark[], void> {
    const sorted = [...specs].sort((a, b) => a.start - b.start || a.end - b.end);
    const marks: Mark[] = [];
    for (const spec of sorted) {
      const ranges = rangesOf(spec.start, spec.end).filter((r) => !r.collapsed);
      if (ranges.length > 0) {
        marks.push({ id: spec.id, kind: spec.kind, start: spec.start, ranges });
        const target = into(spec.kind);
        for (const range of ranges) target.add(range);
      }
      yield;
    }
    return marks;
  }

  private highlightFor(kind: MarkKind): Highlight {
    let highlight = this.highlights.get(kind);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(kind, highlight);
      this.kindOf.set(highlight, kind);
      CSS.highlights.set(highlightName(kind), highlight);
    }
    return highlight;
  }

  /**
   * CSS.highlights is shared with the page's scripts, which may delete or replace our entries:
   * put them back. Also reports whether the marks still sit on live text (a framework that
   * re-rendered the article leaves our ranges collapsed or detached).
   */
  ensureRegistered(): { live: boolean } {
    this.reRegister();
    const live = this.marks.every((mark) =>
      mark.ranges.every((r) => !r.collapsed && r.startContainer.isConnected && r.endContainer.isConnected),
    );
    return { live };
  }

  /** Puts back any of our highlights the page deleted or replaced in CSS.highlights. Cheap. */
  reRegister(): void {
    for (const [kind, highlight] of this.highlights) {
      if (CSS.highlights.get(highlightName(kind)) !== highlight) CSS.highlights.set(highlightName(kind), highlight);
    }
    if (this.focus.size > 0 && CSS.highlights.get(FOCUS_NAME) !== this.focus) CSS.highlights.set(FOCUS_NAME, this.focus);
  }

  clear(): void {
    for (const [kind, highlight] of this.highlights) {
      highlight.clear();
      if (CSS.highlights.get(highlightName(kind)) === highlight) CSS.highlights.delete(highlightName(kind));
    }
    this.highlights.clear();
    this.kindOf.clear();
    this.marks = [];
    this.setFocus(null);
  }

  byId(id: string): Mark | undefined {
    return this.marks.find((m) => m.id === id);
  }

  /** The kind a Highlight object of ours stands for (for highlightsFromPoint results). */
  kindOfHighlight(highlight: unknown): MarkKind | undefined {
    return this.kindOf.get(highlight as Highlight);
  }

  /** The mark after (or before) `currentId` in document order, wrapping around. */
  step(currentId: string | null, direction: 1 | -1): Mark | undefined {
    if (this.marks.length === 0) return undefined;
    const index = currentId === null ? -1 : this.marks.findIndex((m) => m.id === currentId);
    if (index < 0) return direction === 1 ? this.marks[0] : this.marks[this.marks.length - 1];
    return this.marks[(index + direction + this.marks.length) % this.marks.length];
  }

  setFocus(mark: Mark | null): void {
    this.focus.clear();
    if (!mark) {
      if (CSS.highlights.get(FOCUS_NAME) === this.focus) CSS.highlights.delete(FOCUS_NAME);
      return;
    }
    for (const range of mark.ranges) this.focus.add(range);
    CSS.highlights.set(FOCUS_NAME, this.focus);
  }
}
