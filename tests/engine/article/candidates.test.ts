import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/cli/html';
import { extractArticle, extractArticleSteps, type ExtractMethod } from '../../../src/engine/article/extract';
import { readabilityFound } from '../../../src/engine/article/readability-path';
import { findArticleSteps, isLeftOut } from '../../../src/engine/article/candidates';
import { precheck } from '../../../src/engine/article/precheck';
import { runToEnd } from '../../../src/engine/run-steps';

// The sliced extraction path: our own container search on the live page. Pages written for
// these tests hold the furniture real news pages put around an article.

const URL = 'https://news.example/2024/03/05/bridge-closed';

const ARTICLE_PARAGRAPHS = [
  'The Riverton bridge was closed on Monday after engineers found cracks in two of its supports, the city council said.',
  'Officials said the closure could last several weeks, although a spokesman declined to say how much the repairs would cost.',
  'About 12,000 vehicles cross the bridge every day, according to figures published by the regional transport office last year.',
  'Residents who live on the eastern bank will have to use a ferry or drive around the lake, adding up to forty minutes to a journey.',
  '"We are doing everything we can to reopen it safely," the mayor told reporters, adding that inspections would continue overnight.',
];

const COMMENTS = [
  'This is what happens when the council ignores every warning for ten years, and now we all pay for it, again and again.',
  'My commute is already long enough; forty more minutes each way is going to be a disaster for families like mine, honestly.',
];

const SIDEBAR_TEASERS = [
  'A new ferry timetable starts next week, with boats every twenty minutes during the morning and evening rush hours, operators said.',
  'The school board approved a new budget on Thursday night, with more money for buses, books and repairs to three old buildings.',
];

function page(wrapperClass = 'story-body'): string {
  return `<!doctype html><html lang="en"><head><title>Riverton bridge closed after cracks found | The Daily Test</title>
<meta property="og:type" content="article"><meta name="author" content="Jane Example"></head><body>
<header class="site-header"><a href="/">The Daily Test</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/news">News</a> › <a href="/news/local">Local</a></div>
<div class="${wrapperClass}">
  <h1>Riverton bridge closed after cracks found</h1>
  <div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
  <p class="byline">By Jane Example</p>
  ${ARTICLE_PARAGRAPHS.slice(0, 3).map((p) => `<p>${p}</p>`).join('\n  ')}
  <div class="related-links"><h3>Related</h3><ul><li><a href="/a">Ferry prices to rise in spring after a long and cold winter</a></li><li><a href="/b">Council approves flood barrier plan for the river front</a></li></ul></div>
  <div class="newsletter-signup"><p>Sign up for our newsletter and get the top stories of the day in your inbox every morning.</p></div>
  ${ARTICLE_PARAGRAPHS.slice(3).map((p) => `<p>${p}</p>`).join('\n  ')}
  <div class="author-bio"><p>Jane Example covers transport and city hall for The Daily Test, and has worked in the region since 2010.</p></div>
</div>
<aside class="sidebar"><h2>Most read</h2>${SIDEBAR_TEASERS.map((p) => `<p>${p}</p>`).join('')}</aside>
<section id="comments" class="comments"><h2>Comments</h2>${COMMENTS.map((c) => `<div class="comment"><p>${c}</p></div>`).join('')}</section>
<footer class="site-footer"><p>Copyright 2024 The Daily Test. All rights reserved. Terms of use and privacy policy apply to this site.</p></footer>
</body></html>`;
}

describe.each(['sliced', 'readability'] as ExtractMethod[])('the %s path on a page full of furniture', (method) => {
  const doc = parseHtml(page(), URL);
  const before = doc.documentElement.outerHTML;
  const article = extractArticle(doc, { url: URL, method, readability: readabilityFound });

  it('finds the article: headline first, then every paragraph in order', () => {
    expect(article.isArticle).toBe(true);
    expect(article.title).toBe('Riverton bridge closed after cracks found');
    const blocks = article.blocks.map((b) => article.text.slice(b.start, b.end));
    expect(blocks[0]).toBe('Riverton bridge closed after cracks found');
    expect(blocks.slice(1, 1 + ARTICLE_PARAGRAPHS.length)).toEqual(ARTICLE_PARAGRAPHS);
    // The author's bio after the article: the sliced path leaves out boxes named "author";
    // Readability keeps it.
    expect(blocks.length).toBe(method === 'sliced' ? 1 + ARTICLE_PARAGRAPHS.length : 2 + ARTICLE_PARAGRAPHS.length);
  });

  it('drops navigation, share bar, byline, related links, newsletter box, author bio, sidebar, comments and footer', () => {
    for (const furniture of ['Sport', 'Tweet', 'By Jane Example', 'Ferry prices to rise', 'Sign up for our newsletter', 'Most read', ...SIDEBAR_TEASERS, ...COMMENTS, 'All rights reserved']) {
      expect(article.text).not.toContain(furniture);
    }
    expect(article.byline).toBe('Jane Example');
  });

  it('maps the text back to the live page and leaves the page as it was', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
    for (const seg of article.segments) {
      expect(doc.contains(seg.node)).toBe(true);
      expect(article.text.slice(seg.start, seg.end)).toBe(seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + seg.end - seg.start));
    }
  });
});

describe('the sliced container search', () => {
  it('reads an article whose wrapper is named like furniture, by a second walk', () => {
    const doc = parseHtml(page('page-ad-margins'), URL);
    const found = runToEnd(findArticleSteps(doc.body));
    expect(found).not.toBeNull();
    const article = extractArticle(doc, { url: URL, method: 'sliced' });
    expect(article.isArticle).toBe(true);
    for (const p of ARTICLE_PARAGRAPHS) expect(article.text).toContain(p);
    expect(article.text).not.toContain(COMMENTS[0]);
  });

  it('leaves out furniture by tag, role, class and markup, never the article element itself', () => {
    const doc = parseHtml(`<body><nav id="a"></nav><div id="b" role="navigation"></div><div id="c" class="comment-list"></div>
      <div id="d" class="main-content"></div><article id="e" class="related"></article><div id="f" style="display: none"></div><div id="g" hidden></div><p id="h">x</p></body>`);
    const out = (id: string) => isLeftOut(doc.getElementById(id)!);
    expect(['a', 'b', 'c', 'f', 'g'].map(out)).toEqual([true, true, true, true, true]);
    expect(['d', 'e', 'h'].map(out)).toEqual([false, false, false]);
  });

  it('finds no article on a page of links, and says so', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/s/${i}">Story number ${i} about the council and the bridge repairs</a></li>`).join('');
    const doc = parseHtml(`<!doctype html><html><head><title>News</title><meta property="og:type" content="article"></head><body><ul>${links}</ul></body></html>`, URL);
    const article = extractArticle(doc, { url: URL, method: 'sliced' });
    expect(article.isArticle).toBe(false);
    expect(article.reason).toMatch(/no article found/);
  });

  it('keeps going when the page removes the article while the walk is paused', () => {
    const doc = parseHtml(page(), URL);
    const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i} of the long report says the repairs, the closures and the costs are growing.</p>`).join('');
    doc.querySelector('.story-body')!.insertAdjacentHTML('beforeend', `<div class="more">${paragraphs}</div>`);
    const steps = extractArticleSteps(doc, { url: URL, method: 'sliced', precheck: precheck(doc) });
    steps.next();
    steps.next();
    doc.querySelector('.story-body')!.remove();
    let result = steps.next();
    while (!result.done) result = steps.next();
    expect(typeof result.value.isArticle).toBe('boolean');
  });
});
