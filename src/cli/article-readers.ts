// Turns a page's content into the engine's ArticleText: HTML through parseHtml +
// extractArticle (the same extraction path the extension uses), plain text through
// articleFromPlainText. Shared by `npm run scan`, `npm run eval` and `npm run bench`.
//
// TEMPORARY: articleFromPlainText (src/engine/article/plain-text.ts) lands in parallel. Until
// it does, it is loaded by a computed path (so the type check passes without it) and a
// minimal reading stands in: blocks separated by blank lines, the first one the headline.

import type { ArticleText, Span } from '../engine/types';
import { blocksOf } from '../engine/text/sentences';

export interface ArticleReaders {
  fromHtml(html: string, url: string): ArticleText;
  fromText(text: string): ArticleText;
  /** True when a stand-in reader is used (the real one has not landed). */
  standIn: boolean;
}

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
  // Loaded on first use: jsdom and Readability take a good part of a second to import, which a
  // run that only reports a missing file should not pay.
  cached ??= (async () => {
    const [{ extractArticle }, { parseHtml }] = await Promise.all([import('../engine/article/extract'), import('./html')]);
    const fromPlainText = await tryImport<ArticleFromPlainText>('../engine/article/plain-text.ts', 'articleFromPlainText');
    return {
      // The segments (offset -> DOM text node map) matter only in a browser; the CLI drops them.
      fromHtml: (html, url) => withoutSegments(extractArticle(parseHtml(html, url), { url })),
      fromText: (text) => (fromPlainText ?? standInPlainText)(text),
      standIn: !fromPlainText,
    };
  })();
  return cached;
}

function withoutSegments(article: ArticleText & { segments?: unknown }): ArticleText {
  const { segments: _segments, ...rest } = article;
  return rest;
}

function standInPlainText(raw: string): ArticleText {
  const normalized = raw.replace(/\r\n?/g, '\n');
  const parts = blocksOf(normalized).map((b) => normalized.slice(b.start, b.end).replace(/\s*\n\s*/g, ' ').trim());
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
    title: parts[0] ?? '',
    text,
    blocks: spans,
    publishedAt: null,
    siteName: null,
    byline: null,
    lang: null,
  };
}
