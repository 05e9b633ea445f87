// What `npm run eval` prints: the totals first (what the team tracks), then the article-text
// score per page, then each page's misses and false flags so a person sees what to fix next.

import { FLAG_KINDS } from '../engine/types';
import { ratesOf, type Tally } from './score';
import type { EvalResult, PageResult } from './eval-run';

const pct = (x: number | null): string => (x === null ? '  n/a' : x.toFixed(2).padStart(5));
const clip = (s: string, n = 110): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const interval = (low: number | null, high: number | null): string => `[${low ?? '-∞'}, ${high ?? '∞'}]`;

function row(label: string, t: Tally): string {
  const r = ratesOf(t);
  return `${label.padEnd(16)}${String(t.gold).padStart(6)}${String(t.found).padStart(7)}${String(t.predicted).padStart(7)}${String(t.correct).padStart(9)}   ${pct(r.precision)}   ${pct(r.recall)}  ${pct(r.f1)}`;
}

export function formatEvalText(result: EvalResult): string {
  const out: string[] = [];
  const { totals } = result;
  const counted = result.pages.filter((p) => p.inTotals);
  out.push(`Caveat eval: ${counted.length} pages from ${result.fixturesDir}`);
  const apart = result.pages.filter((p) => !p.inTotals).map((p) => p.name);
  if (apart.length > 0) out.push(`(a page with both .html and .txt counts by its HTML page; scored apart, below: ${apart.join(', ')})`);
  out.push('');
  out.push(`${''.padEnd(16)}${'gold'.padStart(6)}${'found'.padStart(7)}${'pred'.padStart(7)}${'correct'.padStart(9)}   ${'prec.'.padStart(5)}   ${'recall'.padStart(5)}  ${'F1'.padStart(5)}`);
  out.push(row('any-flag', totals.anyFlag));
  for (const kind of FLAG_KINDS) out.push(row(`  ${kind}`, totals.byKind[kind]));
  out.push(row('figures', totals.figures));
  const matched = totals.figures.found;
  out.push(`  interval exact: ${matched ? ((100 * totals.intervalExact) / matched).toFixed(0) : 'n/a'}% of matched figures (${totals.intervalExact}/${matched})`);
  out.push(row('conflicts', totals.conflicts));
  out.push(`  engine conflicts that gold lists as NOT conflicts: ${totals.notConflictHits}`);
  out.push('(gold: gold items that count; found: of those, found; pred: engine items that count; correct: of those, in gold.');
  out.push(' Flags count per distinct sentence (per kind: sentence+kind); a borderline gold flag neither counts nor penalises.');
  out.push(' Figures match by sentence and overlapping interval; conflicts by their two figures.)');

  out.push('');
  out.push(result.articleTextScorer === 'none'
    ? 'Article text: articleTextScore (src/engine/article/score.ts) not landed yet.'
    : 'Article text (articleTextScore vs article-text/NAME.txt; score = F1 of word precision and recall):');
  if (result.articleTextScorer !== 'none') {
    for (const p of result.pages) {
      if (!p.articleText) continue;
      const details = Object.entries(p.articleText.details).map(([k, v]) => `${k} ${v.toFixed(2)}`).join('  ');
      out.push(`  ${p.name.padEnd(40)} ${pct(p.articleText.score)}   ${details}`);
    }
  }

  out.push('');
  out.push('Per page (miss = gold the engine did not find; false = engine flag gold does not have):');
  for (const p of result.pages) out.push(...formatPage(p));
  return out.join('\n');
}

function formatPage(p: PageResult): string[] {
  const head = `== ${p.name}${p.inTotals ? '' : ' (not in totals)'}`;
  if (p.error) return [`${head}: ERROR ${p.error}`];
  const f = p.flags!;
  const g = p.figures!;
  const c = p.conflicts!;
  const out = [
    `${head}: flags ${f.anyFlag.found}/${f.anyFlag.gold} sentences found, ${f.anyFlag.predicted - f.anyFlag.correct} false;` +
      ` figures ${g.tally.found}/${g.tally.gold} found, ${g.extras.length} extra;` +
      ` conflicts ${c.tally.found}/${c.tally.gold}, ${c.extras.length} extra${p.isArticle ? '' : '; NOT TAKEN AS AN ARTICLE'}`,
  ];
  for (const m of f.misses) {
    const also = m.engineKinds.length ? ` (engine said ${m.engineKinds.join(', ')})` : '';
    out.push(`  miss  ${m.kind.padEnd(12)} ${JSON.stringify(m.cue)}${also} | ${clip(m.sentence)}`);
  }
  for (const x of f.falseFlags) {
    const gold = x.goldKinds.length ? ` (gold: ${x.goldKinds.join(', ')})` : '';
    out.push(`  false ${x.kind.padEnd(12)} ${JSON.stringify(x.cue)}${gold}${x.rule ? ` [${clip(x.rule, 40)}]` : ''} | ${clip(x.sentence)}`);
  }
  for (const m of g.misses) out.push(`  figure miss  ${JSON.stringify(m.text)} ${interval(m.low, m.high)} | ${clip(m.sentence, 90)}`);
  for (const x of g.inexact) {
    out.push(`  figure bounds ${JSON.stringify(x.engine.text)} ${interval(x.engine.low, x.engine.high)}, gold ${interval(x.gold.low, x.gold.high)}`);
  }
  for (const x of g.extras) out.push(`  figure extra ${JSON.stringify(x.text)} ${interval(x.low, x.high)} | ${clip(x.sentence, 90)}`);
  for (const m of c.misses) out.push(`  conflict miss  ${JSON.stringify(m.a)} vs ${JSON.stringify(m.b)}`);
  for (const x of c.extras) out.push(`  conflict extra ${JSON.stringify(x.a)} vs ${JSON.stringify(x.b)} (${x.reason})`);
  return out;
}

/** The result as plain JSON (rates beside the counts; no article texts or full reports). */
export function evalResultJson(result: EvalResult, crossPages: unknown): unknown {
  const withRates = (t: Tally) => ({ ...t, ...ratesOf(t) });
  const { totals } = result;
  return {
    fixturesDir: result.fixturesDir,
    totals: {
      anyFlag: withRates(totals.anyFlag),
      byKind: Object.fromEntries(FLAG_KINDS.map((k) => [k, withRates(totals.byKind[k])])),
      figures: { ...withRates(totals.figures), intervalExact: totals.intervalExact, intervalExactShare: totals.figures.found ? totals.intervalExact / totals.figures.found : null },
      conflicts: { ...withRates(totals.conflicts), notConflictHits: totals.notConflictHits },
    },
    pages: result.pages.map((p) => ({
      name: p.name,
      source: p.source,
      inTotals: p.inTotals,
      error: p.error,
      isArticle: p.isArticle,
      articleText: p.articleText,
      flags: p.flags && {
        anyFlag: withRates(p.flags.anyFlag),
        byKind: Object.fromEntries(FLAG_KINDS.map((k) => [k, withRates(p.flags!.byKind[k])])),
        misses: p.flags.misses,
        falseFlags: p.flags.falseFlags,
      },
      figures: p.figures && {
        ...withRates(p.figures.tally),
        intervalExact: p.figures.intervalExact,
        misses: p.figures.misses,
        inexact: p.figures.inexact,
        extras: p.figures.extras.map(({ id, text, low, high, sentence }) => ({ id, text, low, high, sentence })),
      },
      conflicts: p.conflicts && { ...withRates(p.conflicts.tally), ...p.conflicts, tally: undefined },
    })),
    crossPages,
  };
}
