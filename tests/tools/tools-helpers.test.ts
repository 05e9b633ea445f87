import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { contentScriptFiles } from '../../src/tools/bundle-size';
import { syntheticArticle } from '../../src/tools/synthetic-news';
import { measure, quantile, summarize } from '../../src/tools/timing';

describe('timing', () => {
  it('reports the median, which one very slow run does not move', () => {
    const t = summarize([3, 1, 2, 1000, 2]);
    expect(t.median).toBe(2);
    expect(t.min).toBe(1);
    expect(t.runs).toBe(5);
    expect(quantile([0, 10], 0.9)).toBe(9);
  });

  it('warms up, then runs at least the minimum and at most the maximum number of times', () => {
    let calls = 0;
    const t = measure(() => calls++, { warmupRuns: 3, minRuns: 7, maxRuns: 7, budgetMs: 1e9 });
    expect(t.runs).toBe(7);
    expect(calls).toBe(10);
  });
});

describe('syntheticArticle', () => {
  it('is as long as asked, the same for the same seed, and reads like news with cues and figures', () => {
    const a = syntheticArticle(5_000, 7);
    const words = a.text.split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(5_000);
    expect(words).toBeLessThan(5_200);
    expect(syntheticArticle(5_000, 7).text).toBe(a.text);
    expect(syntheticArticle(5_000, 8).text).not.toBe(a.text);
    expect(a.text).toMatch(/allegedly|reportedly|could not be independently verified|declined to comment/);
    expect(a.text).toMatch(/\b(more than|at least|about) \d/);
    // Blocks are the paragraphs, headline first, and point into the text.
    expect(a.text.slice(a.blocks[0]!.start, a.blocks[0]!.end)).toBe(a.title);
    for (const b of a.blocks) expect(a.text.slice(b.start, b.end).trim()).toBe(a.text.slice(b.start, b.end));
  });
});

describe('contentScriptFiles', () => {
  const dist = mkdtempSync(join(tmpdir(), 'caveat-dist-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('sizes the files the manifest lists and the chunks they import, once each', () => {
    mkdirSync(join(dist, 'content'));
    mkdirSync(join(dist, 'chunks'));
    const main = 'import { a } from "../chunks/shared.js"; import("../chunks/lazy.js"); console.log(a);';
    writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ content_scripts: [{ js: ['content/main.js'], css: ['content/marks.css'] }, { js: ['content/main.js'] }] }));
    writeFileSync(join(dist, 'content/main.js'), main);
    writeFileSync(join(dist, 'content/marks.css'), '::highlight(caveat) { text-decoration: underline; }');
    writeFileSync(join(dist, 'chunks/shared.js'), 'export const a = 1; import "./lazy.js";');
    writeFileSync(join(dist, 'chunks/lazy.js'), 'export default 2;');
    writeFileSync(join(dist, 'popup.js'), 'not part of the content script');
    const files = contentScriptFiles(dist)!;
    expect(files.map((f) => f.path).sort()).toEqual(['chunks/lazy.js', 'chunks/shared.js', 'content/main.js', 'content/marks.css']);
    const mainFile = files.find((f) => f.path === 'content/main.js')!;
    expect(mainFile.bytes).toBe(Buffer.byteLength(main));
    expect(mainFile.gzipBytes).toBe(gzipSync(main, { level: 9 }).length);
  });

  it('says there is no build when dist has no manifest', () => {
    expect(contentScriptFiles(join(dist, 'nothing-here'))).toBeNull();
  });
});
