import { describe, expect, it } from 'vitest';
import type { Figure, Flag, ScanReport } from '../../src/engine/types';
import { formatInterval, formatReport } from '../../src/cli/format-report';
import { safeText, styleFor } from '../../src/cli/terminal-style';

const plain = styleFor({ isTTY: false }, {});
const colour = styleFor({ isTTY: true }, {});

const hedgeSentence = 'The tunnel will reportedly cost more than $90 million.';
const omissionSentence = 'The mayor did not say how it would be paid for.';

function flag(kind: Flag['kind'], cue: string, sentence: string, sentenceStart: number, extra: Partial<Flag> = {}): Flag {
  const start = sentenceStart + sentence.indexOf(cue);
  return { id: `${kind}:${start}`, kind, cue, sentence, sentenceStart, start, end: start + cue.length, claim: sentence, attributedTo: null, rule: 'test', ...extra };
}

function figure(id: string, text: string, low: number | null, high: number | null, extra: Partial<Figure> = {}): Figure {
  return { id, text, number: text, low, high, what: 'dollar|cost', unit: 'usd', attributedTo: null, sentence: text, sentenceStart: 0, start: 0, end: text.length, context: [], ...extra };
}

const report: ScanReport = {
  source: 'https://example.org/news/tunnel',
  title: 'Tunnel costs questioned',
  publishedAt: '2025-03-04T09:30:00Z',
  siteName: 'Example News',
  isArticle: true,
  reason: null,
  flags: [
    flag('omission', 'did not say', omissionSentence, 60, { attributedTo: 'The mayor' }),
    flag('hedge', 'reportedly', hedgeSentence, 0),
  ],
  figures: [figure('f1', 'more than $90 million', 90_000_001, null)],
  conflicts: [{ figures: ['f1', 'k1'], reason: 'same cost of the tunnel' }],
  keptFigures: [
    { id: 'k1', text: '$75 million', low: 75_000_000, high: 75_000_000, what: 'dollar|cost', attributedTo: 'the council', sentence: 'The tunnel will cost $75 million.', source: 'https://other.example/tunnel', title: 'Tunnel approved', publishedAt: '2025-01-10', seenAt: '2025-03-01T10:00:00Z' },
  ],
};

describe('formatReport', () => {
  it('shows the page, then flags grouped by kind with the cue marked, and who said it', () => {
    const text = formatReport(report, plain);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Tunnel costs questioned');
    expect(lines[1]).toBe('https://example.org/news/tunnel · Example News · published 2025-03-04T09:30:00Z');
    expect(text).toContain('Flags (2)');
    // Kinds in a fixed order (hedge before omission), whatever order the engine found them in.
    expect(text.indexOf('Hedged (1)')).toBeLessThan(text.indexOf('Omission (1)'));
    expect(text).toContain('• The tunnel will *reportedly* cost more than $90 million.');
    expect(text).toContain('• The mayor *did not say* how it would be paid for.');
    expect(text).toContain('by: The mayor');
  });

  it('shows both figures of a conflict with both sources', () => {
    const text = formatReport(report, plain);
    expect(text).toContain('Conflicts (1)');
    expect(text).toMatch(/more than \$90 million {2}≥ 90,000,001/);
    expect(text).toContain('on this page (https://example.org/news/tunnel)');
    expect(text).toMatch(/vs \$75 million {2}= 75,000,000 .*by the council/);
    expect(text).toContain('on “Tunnel approved” https://other.example/tunnel, published 2025-01-10 (seen 2025-03-01T10:00:00Z)');
    expect(text).toContain('why: same cost of the tunnel');
  });

  it('uses bold and colour for the cue only with a colour style', () => {
    expect(formatReport(report, plain)).not.toContain('\u001b[');
    expect(formatReport(report, colour)).toMatch(/\u001b\[1m\u001b\[33mreportedly\u001b\[39m\u001b\[22m/);
  });

  it('says so when a page is not an article, and lists nothing', () => {
    const text = formatReport({ ...report, isArticle: false, reason: 'a home page', flags: [], figures: [], conflicts: [] }, plain);
    expect(text).toContain('Not scanned as an article: a home page.');
    expect(text).not.toContain('Flags');
  });

  it('strips terminal control sequences from page text, keeping the cue marked', () => {
    const sentence = 'Rebels \u001b[2Jallegedly took the town.';
    const text = formatReport({ ...report, title: 'Bad\u001b]0;title\u0007 page', flags: [flag('hedge', 'allegedly', sentence, 0)], conflicts: [] }, plain);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('*allegedly*');
  });
});

describe('formatInterval', () => {
  it('writes exact values, bounds and ranges the way a reader says them', () => {
    expect(formatInterval(23, 23)).toBe('= 23');
    expect(formatInterval(1401, null)).toBe('≥ 1,401');
    expect(formatInterval(null, 5)).toBe('≤ 5');
    expect(formatInterval(180, 220)).toBe('180 – 220');
  });
});

describe('styleFor', () => {
  it('colours only a terminal, and never when NO_COLOR is set', () => {
    expect(styleFor({ isTTY: true }, {}).bold('x')).not.toBe('x');
    expect(styleFor({ isTTY: true }, { NO_COLOR: '1' }).bold('x')).toBe('x');
    expect(styleFor({ isTTY: false }, {}).bold('x')).toBe('x');
  });

  it('safeText removes control and bidi-override characters', () => {
    expect(safeText('a\u001b[31mb\u202Ec\n d')).toBe('a [31mbc d');
  });
});
