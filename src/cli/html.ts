import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parse an HTML page into a DOM Document in Node (CLI, eval, bench, tests).
 *
 * Pages are hostile input: jsdom's defaults already neither run scripts nor fetch
 * subresources, and we say so explicitly so that a future change of defaults cannot turn the
 * CLI into something that executes a page's JavaScript or makes network requests.
 * The virtual console is silent: real pages are full of CSS jsdom cannot parse, and those
 * complaints would drown the CLI's own output.
 *
 * Style sheets are emptied before parsing: finding the article never needs them, parsing them
 * costs most of jsdom's time on big pages, and jsdom's CSS parser throws on some real-world
 * rules (seen: `border: inherit` shorthands), which would make a page unreadable for nothing.
 */
export function parseHtml(html: string, url?: string): Document {
  const dom = new JSDOM(withoutStyleSheets(html), {
    // jsdom refuses relative or odd URLs; an unusable one is dropped rather than failing the scan.
    ...(url && isAbsoluteUrl(url) ? { url } : {}),
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
    virtualConsole: new VirtualConsole(),
  });
  return dom.window.document;
}

/**
 * The page with the contents of every <style> element removed (the elements stay). Scans the
 * way an HTML tokenizer does: comments and the text of <script>, <title> and <textarea> are
 * skipped, so a "<style" written inside them is not mistaken for a style sheet.
 */
export function withoutStyleSheets(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let copiedUpTo = 0;
  let i = 0;
  while (i < html.length) {
    const lt = lower.indexOf('<', i);
    if (lt < 0) break;
    if (lower.startsWith('<!--', lt)) {
      const close = lower.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const raw = /^<(script|style|title|textarea)(?=[\s>/])/.exec(lower.slice(lt, lt + 10));
    if (!raw) {
      i = lt + 1;
      continue;
    }
    const tag = raw[1]!;
    const openEnd = lower.indexOf('>', lt);
    if (openEnd < 0) break;
    const close = lower.indexOf(`</${tag}`, openEnd + 1);
    const contentEnd = close < 0 ? html.length : close;
    if (tag === 'style') {
      out.push(html.slice(copiedUpTo, openEnd + 1));
      copiedUpTo = contentEnd;
    }
    i = contentEnd;
  }
  out.push(html.slice(copiedUpTo));
  return out.join('');
}

function isAbsoluteUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'file:';
  } catch {
    return false;
  }
}
