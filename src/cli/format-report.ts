// The scan report as a person reads it in a terminal: what the page is, what it admits is
// shaky (flags by kind, the cue emphasised in its sentence), the figures it states, and
// where figures disagree (both figures, both sources).

import { FLAG_KINDS, type Figure, type Flag, type FlagKind, type KeptFigureView, type ScanReport } from '../engine/types';
import { safeText, type Style } from './terminal-style';

const KIND_TITLES: Record<FlagKind, string> = {
  unverified: 'Unverified',
  hedge: 'Hedged',
  'vague-source': 'Vague source',
  omission: 'Omission',
};

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** "= 23", "≥ 1,401", "180 – 220", "≤ 5" */
export function formatInterval(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? `= ${fmt(low)}` : `${fmt(low)} – ${fmt(high)}`;
  if (low !== null) return `≥ ${fmt(low)}`;
  if (high !== null) return `≤ ${fmt(high)}`;
  return 'any value';
}

// Private-use characters mark where the cue starts and ends while the sentence is cleaned.
const CUE_START = '\uE000';
const CUE_END = '\uE001';

/** The sentence with the cue emphasised (found by its offsets, else by its text). */
function sentenceWithCue(flag: Flag, style: Style): string {
  // One UTF-16 unit for one, so the cue's offsets still point at it after the clean-up.
  const s = flag.sentence.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uE000\uE001]/g, ' ');
  let from = flag.start - flag.sentenceStart;
  let to = flag.end - flag.sentenceStart;
  if (!(from >= 0 && to <= s.length && from < to && flag.sentence.slice(from, to) === flag.cue)) {
    from = flag.cue ? flag.sentence.indexOf(flag.cue) : -1;
    to = from + flag.cue.length;
  }
  if (from < 0) return safeText(s);
  const marked = safeText(`${s.slice(0, from)}${CUE_START}${s.slice(from, to)}${CUE_END}${s.slice(to)}`);
  return marked.replace(/\uE000(.*?)\uE001/, (_m, cue: string) => style.cue(flag.kind, cue));
}

function flagLines(report: ScanReport, style: Style): string[] {
  const out: string[] = [style.bold(`Flags (${report.flags.length})`)];
  if (report.flags.length === 0) out.push('  none: the article does not say that any of its claims are shaky');
  for (const kind of FLAG_KINDS) {
    const flags = report.flags.filter((f) => f.kind === kind);
    if (flags.length === 0) continue;
    out.push(`  ${style.kind(kind, KIND_TITLES[kind])} (${flags.length})`);
    for (const flag of flags) {
      out.push(`    • ${sentenceWithCue(flag, style)}`);
      if (flag.claim && flag.claim.trim() !== flag.sentence.trim()) out.push(`      ${style.dim('claim:')} ${safeText(flag.claim)}`);
      if (flag.attributedTo) out.push(`      ${style.dim('by:')} ${safeText(flag.attributedTo)}`);
    }
  }
  return out;
}

function figureLine(f: Pick<Figure, 'text' | 'low' | 'high' | 'what' | 'attributedTo'>, style: Style): string {
  const who = f.attributedTo ? `  ${style.dim('by')} ${safeText(f.attributedTo)}` : '';
  return `${safeText(f.text)}  ${style.bold(formatInterval(f.low, f.high))}  ${style.dim(`[${safeText(f.what)}]`)}${who}`;
}

function figureLines(report: ScanReport, style: Style): string[] {
  const out: string[] = [style.bold(`Figures (${report.figures.length})`)];
  for (const f of report.figures) out.push(`  • ${figureLine(f, style)}`);
  return out;
}

function keptSourceLine(kept: KeptFigureView, style: Style): string {
  const when = kept.publishedAt ? `, published ${safeText(kept.publishedAt)}` : '';
  const title = kept.title ? `“${safeText(kept.title)}” ` : '';
  return `${style.dim('on')} ${title}${safeText(kept.source)}${when} ${style.dim(`(seen ${safeText(kept.seenAt)})`)}`;
}

function conflictLines(report: ScanReport, style: Style): string[] {
  const out: string[] = [style.bold(`Conflicts (${report.conflicts.length})`)];
  const here = new Map(report.figures.map((f) => [f.id, f]));
  const kept = new Map((report.keptFigures ?? []).map((k) => [k.id, k]));
  const thisPage = `${style.dim('on')} this page (${safeText(report.source)})`;
  for (const c of report.conflicts) {
    const [a, b] = c.figures;
    const first = here.get(a);
    const second = here.get(b) ?? kept.get(b);
    out.push(`  ${style.warn('≠')} ${first ? figureLine(first, style) : safeText(a)}`);
    out.push(`      ${thisPage}`);
    out.push(`    vs ${second ? figureLine(second, style) : safeText(b)}`);
    const keptFigure = kept.get(b);
    out.push(`      ${keptFigure && !here.has(b) ? keptSourceLine(keptFigure, style) : thisPage}`);
    if (c.reason) out.push(`      ${style.dim('why:')} ${safeText(c.reason)}`);
  }
  return out;
}

export function formatReport(report: ScanReport, style: Style): string {
  const out: string[] = [style.bold(safeText(report.title) || '(no title)')];
  const meta = [safeText(report.source), report.siteName ? safeText(report.siteName) : null, report.publishedAt ? `published ${safeText(report.publishedAt)}` : 'no date given'];
  out.push(style.dim(meta.filter(Boolean).join(' · ')));
  if (!report.isArticle) {
    out.push(`Not scanned as an article${report.reason ? `: ${safeText(report.reason)}` : ''}.`);
    return out.join('\n');
  }
  out.push('', ...flagLines(report, style), '', ...figureLines(report, style));
  if (report.conflicts.length > 0) out.push('', ...conflictLines(report, style));
  return out.join('\n');
}
