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
   * page with many flags over short slices and never block input (see schedule.ts).
   */
  *paintSteps(specs: readonly MarkSpec[], rangesOf: (start: number, end: number) => Range[]): Generator<void, void, void> {
    this.clear();
    yield* this.addSteps(specs, rangesOf);
  }

  /**
   * Adds marks for `specs` to the ones already painted (kept in document order), as steps.
   * Used for the conflict marks that arrive after the background's answer, so the page's own
   * marks are not cleared and painted again.
   */
  *addSteps(specs: readonly MarkSpec[], rangesOf: (start: number, end: number) => Range[]): Generator<void, void, void> {
    const sorted = [...specs].sort((a, b) => a.start - b.start || a.end - b.end);
    const appending = this.marks.length === 0 || (sorted[0]?.start ?? Infinity) >= this.marks[this.marks.length - 1]!.start;
    for (const spec of sorted) {
      const ranges = rangesOf(spec.start, spec.end).filter((r) => !r.collapsed);
      if (ranges.length > 0) {
        this.marks.push({ id: spec.id, kind: spec.kind, start: spec.start, ranges });
        const highlight = this.highlightFor(spec.kind);
        for (const range of ranges) highlight.add(range);
      }
      yield;
    }
    // Keep document order for the keyboard and the hit test (a stable sort: flags first where
    // a flag and a figure start together, as a full paint orders them).
    if (!appending) this.marks.sort((a, b) => a.start - b.start);
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
