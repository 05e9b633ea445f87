// The page's <meta> tags, read once. Looking each name up with its own querySelector scans the
// whole document every time a name is missing (most are), which on a big page costs more
// than the rest of the metadata together; <meta> elements are few, so one pass over them is
// cheap on any page.

/** Content of each meta tag by lower-cased name, property or itemprop (first one wins). */
export function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const content = meta.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** The first of `keys` (lower case) that the page has a meta tag for. */
export function firstMeta(tags: ReadonlyMap<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return null;
}

/** Text of the page's JSON-LD scripts (found by tag name, not by a selector over every element). */
export function jsonLdTexts(doc: Document): string[] {
  const texts: string[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    if (script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json') texts.push(script.textContent ?? '');
  }
  return texts;
}
