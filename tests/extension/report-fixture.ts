import type { Figure, Flag, KeptFigureView, ScanReport } from '../../src/engine/types';

// Small hand-made scan reports for the glue's tests (our own text, not the shared fixtures).

export function flag(over: Partial<Flag> & Pick<Flag, 'id' | 'kind' | 'cue' | 'start'>): Flag {
  return {
    end: over.start + over.cue.length,
    sentence: `Sentence with ${over.cue}.`,
    sentenceStart: 0,
    claim: `Claim qualified by ${over.cue}.`,
    attributedTo: null,
    rule: 'test',
    ...over,
  };
}

export function figure(over: Partial<Figure> & Pick<Figure, 'id' | 'text' | 'start'>): Figure {
  return {
    end: over.start + over.text.length,
    number: '23',
    low: 23,
    high: 23,
    what: 'citizen|killed',
    unit: 'count',
    attributedTo: null,
    sentence: `${over.text}.`,
    sentenceStart: 0,
    context: [],
    ...over,
  };
}

export function kept(over: Partial<KeptFigureView> & Pick<KeptFigureView, 'id' | 'text'>): KeptFigureView {
  return {
    low: 20,
    high: 20,
    what: 'citizen|killed',
    attributedTo: 'the ambassador',
    sentence: `${over.text}.`,
    source: 'https://news.example/other',
    title: 'Other page',
    publishedAt: '2023-10-20T09:00:00Z',
    seenAt: '2026-11-24T10:00:00Z',
    ...over,
  };
}

export function report(over: Partial<ScanReport> = {}): ScanReport {
  return {
    source: 'https://news.example/story',
    title: 'A story',
    publishedAt: '2023-10-19',
    siteName: 'Example News',
    isArticle: true,
    reason: null,
    flags: [],
    figures: [],
    conflicts: [],
    ...over,
  };
}
