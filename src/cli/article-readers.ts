// Turns a page's content into the engine's ArticleText: HTML through parseHtml +
// extractArticle (the same extraction path the extension uses), plain text through
// articleFromPlainText. Shared by `npm run scan`, `npm run eval` and `npm run bench`.
//
// TEMPORARY: the article engineer's modules land in parallel. Until they do, they are loaded
// by a computed path (so the type check passes without them) and a bare Readability reading
// stands in, so that eval gives numbers for cues and figures today. Replace with static
// imports once src/engine/article/{extract,plain-text}.ts are committed.

import { Readability } from '@mozilla/readability';
import type { ArticleText, Span } from '../engine/types';
import { blocksOf } from '../engine/text/sentences';
import { parseHtml } from './html';

export interface ArticleReaders {
  fromHtml(html: string, url: string): ArticleText;
  fromText(text: string): ArticleText;
  /** True when the stand-in extraction is used (the real one has not landed). */
  standIn: boolean;
}

type ExtractArticle = (doc: Document, options: { url: string }) => ArticleText;
type ArticleFromPlainText = (text: string) => ArticleText;

async function tryImport<T>(relative: string, name: string): Promise<T | null> {
  try {
    const mod = (await import(new URL(relative, import.meta.url).href)) as Record<string, unknown>;
    return typeof mod[name] === 'function' ? (mod[name] as T) : null;
  } catch {
    return null;
  }
}

let cached: Promise<ArticleReaders> | null = null;

export function loadArticleReaders(): Promise<ArticleReaders> {
  cached ??= (async () => {
    const extractArticle = await tryImport<ExtractArticle>('../engine/article/extract.ts', 'extractArticle');
    const fromPlainText = await tryImport<ArticleFromPlainText>('../engine/article/plain-text.ts', 'articleFromPlainText');
    return {
      fromHtml: (html, url) => (extractArticle ?? standInExtract)(parseHtml(html, url), { url }),
      fromText: (text) => (fromPlainText ?? standInPlainText)(text),
      standIn: !extractArticle || !fromPlainText,
    };
  })();
  return cached;
}

function articleOf(title: string, blocks: string[], meta: Partial<ArticleText> = {}): ArticleText {
  const parts = [title, ...blocks].map((b) => b.trim()).filter((b) => b.length > 0);
  const spans: Span[] = [];
  let text = '';
  for (const part of parts) {
    if (text) text += '\n\n';
    spans.push({ start: text.length, end: text.length + part.length });
    text += part;
  }
  return {
    isArticle: parts.length > 1,
    reason: parts.length > 1 ? null : 'no article text found',
    title,
    text,
    blocks: spans,
    publishedAt: null,
    siteName: null,
    byline: null,
    lang: null,
    ...meta,
  };
}

function standInExtract(doc: Document): ArticleText {
  const lang = doc.documentElement.getAttribute('lang');
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  if (!parsed?.content) return articleOf(doc.title, [], { lang });
  const content = parseHtml(`<body>${parsed.content}</body>`);
  const blocks = [...content.querySelectorAll('p, h2, h3, h4, li, blockquote, figcaption')]
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' '));
  return articleOf(parsed.title ?? doc.title, blocks, {
    lang,
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
    publishedAt: parsed.publishedTime ?? null,
  });
}

function standInPlainText(text: string): ArticleText {
  const normalized = text.replace(/\r\n?/g, '\n');
  const blocks = blocksOf(normalized).map((b) => normalized.slice(b.start, b.end).replace(/\s*\n\s*/g, ' '));
  const [title = '', ...rest] = blocks;
  return articleOf(title, rest);
}
