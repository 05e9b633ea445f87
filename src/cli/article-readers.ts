// Turns a page's content into the engine's ArticleText: HTML through parseHtml +
// extractArticle (the same extraction path the extension uses), plain text through
// articleFromPlainText. Shared by `npm run scan`, `npm run eval` and `npm run bench`.

import type { ArticleText } from '../engine/types';

export interface ArticleReaders {
  fromHtml(html: string, url: string): ArticleText;
  fromText(text: string): ArticleText;
}

let cached: Promise<ArticleReaders> | null = null;

export function loadArticleReaders(): Promise<ArticleReaders> {
  // Loaded on first use: jsdom and Readability take a good part of a second to import, which a
  // run that only reports a missing file should not pay.
  cached ??= (async () => {
    const [{ extractArticle }, { articleFromPlainText }, { parseHtml }] = await Promise.all([
      import('../engine/article/extract'),
      import('../engine/article/plain-text'),
      import('./html'),
    ]);
    return {
      // The segments (offset -> DOM text node map) matter only in a browser; the CLI drops them.
      fromHtml: (html, url) => withoutSegments(extractArticle(parseHtml(html, url), { url })),
      fromText: (text) => articleFromPlainText(text),
    };
  })();
  return cached;
}

function withoutSegments(article: ArticleText & { segments?: unknown }): ArticleText {
  const { segments: _segments, ...rest } = article;
  return rest;
}
