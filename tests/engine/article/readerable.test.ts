import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProbablyReaderable } from '@mozilla/readability';
import { parseHtml } from '../../../src/cli/html';
import { readerableSteps } from '../../../src/engine/article/readerable';
import { runToEnd, type Steps } from '../../../src/engine/run-steps';
import { FLOOD_ARTICLE } from './pages';

// Our sliced isProbablyReaderable must answer exactly as Readability's does, on real pages and
// on the shapes its rules are about, while never doing much work between two yields.

const FIXTURES = join(process.cwd(), '../shared/fixtures');
const URL = 'https://news.example/2024/story';

function bothAnswers(html: string): { ours: boolean; readability: boolean } {
  const doc = parseHtml(html, URL);
  return { ours: runToEnd(readerableSteps(doc)), readability: isProbablyReaderable(doc) };
}

const sentence = (n: number) => 'The council said the repairs would take several weeks to finish. '.repeat(n);
const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('readerableSteps', () => {
  const fixturePages = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.html')) : [];

  it.runIf(fixturePages.length > 0)('answers as Readability does on every fixture page', () => {
    for (const file of fixturePages) {
      const answers = bothAnswers(readFileSync(join(FIXTURES, file), 'utf8'));
      expect(answers.ours, file).toBe(answers.readability);
    }
  });

  it('answers as Readability does on the shapes its rules are about', () => {
    const cases: Record<string, string> = {
      'a written article': FLOOD_ARTICLE,
      'no paragraphs': page('<div>menu</div><ul><li><a href="/">Home</a></li></ul>'),
      'three long paragraphs': page(`<p>${sentence(5)}</p><p>${sentence(5)}</p><p>${sentence(5)}</p>`),
      'paragraphs just under the minimum length': page(`<p>${'x'.repeat(139)}</p>`.repeat(50)),
      'paragraphs just over it, few': page(`<p>${'x'.repeat(150)}</p>`.repeat(6)),
      'paragraphs just over it, enough': page(`<p>${'x'.repeat(150)}</p>`.repeat(7)),
      'long text padded with white space': page(`<p>   \n\t ${'y'.repeat(400)}  \n </p>`),
      'text in list paragraphs only': page(`<ul><li><div><p>${sentence(8)}</p></div></li></ul>`.repeat(4)),
      'text hidden inline': page(`<p style="display: none">${sentence(20)}</p><p hidden>${sentence(20)}</p>`),
      'text aria-hidden': page(`<p aria-hidden="true">${sentence(20)}</p>`),
      'aria-hidden fallback image': page(`<p aria-hidden="true" class="fallback-image">${sentence(20)}</p>`),
      'text in unlikely boxes': page(`<p class="sidebar">${sentence(20)}</p><p id="comment-1">${sentence(20)}</p>`),
      'unlikely but maybe content': page(`<p class="sidebar-content">${sentence(20)}</p>`),
      'div with line breaks': page(`<div>${sentence(4)}<br><br>${sentence(4)}<br>${sentence(4)}</div>`),
      'text inside an article element': page(`<article><span>${sentence(12)}</span></article>`),
      'pre block': page(`<pre>${sentence(12)}</pre>`),
      'nested paragraphs counted twice': page(`<article><p>${sentence(4)}</p><p>${sentence(4)}</p></article>`),
    };
    for (const [name, html] of Object.entries(cases)) {
      const answers = bothAnswers(html);
      expect(answers.ours, name).toBe(answers.readability);
    }
    // The cases are not all alike: both answers occur.
    const answers = Object.values(cases).map((html) => bothAnswers(html).ours);
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  it('does bounded work between yields on a page of 20,000 elements and on a 1 MB article element', () => {
    // Nothing readerable, so the whole page is walked: 20,000 short list items.
    const manyElements = parseHtml(page(`<ul>${'<li><a href="/x">A link</a></li>'.repeat(10_000)}</ul>`), URL);
    expect(countYields(readerableSteps(manyElements))).toBeGreaterThanOrEqual(10);
    // One article element holding 1 MB of text in 20,000 text nodes: only the start is read.
    const big = parseHtml(page(`<article>${`<span>${sentence(1)}</span>`.repeat(20_000)}</article>`), URL);
    const walked = countYields(readerableSteps(big));
    expect(runToEnd(readerableSteps(big))).toBe(true);
    expect(walked).toBeLessThan(20);
  });
});

function countYields(steps: Steps<boolean>): number {
  let yields = 0;
  while (!steps.next().done) yields++;
  return yields;
}
