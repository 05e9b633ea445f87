// Sites the user asked Caveat to leave alone. A pattern is a host name: "example.com" skips
// example.com and all its subdomains (www.example.com, news.example.com); "*.example.com"
// means the same. People paste whole URLs into the box, so those are reduced to their host.

/** A pattern as stored: lower-case host without scheme, path, port or leading "*." / "www."; null if not a host. */
export function normalizeSitePattern(input: string): string | null {
  let value = input.trim().toLowerCase();
  if (!value) return null;
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  value = value.replace(/[/?#].*$/, '');
  value = value.replace(/:\d+$/, '');
  value = value.replace(/^\*\./, '').replace(/^www\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(value)) return null;
  return value;
}

/** Patterns from the options page's text box: one per line (commas and spaces also separate). */
export function parseSitePatterns(text: string): string[] {
  const patterns = new Set<string>();
  for (const part of text.split(/[\s,]+/)) {
    const pattern = normalizeSitePattern(part);
    if (pattern) patterns.add(pattern);
  }
  return [...patterns];
}

/** True when the page at `url` is on a skipped site. */
export function isSiteSkipped(url: string, patterns: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return patterns.some((pattern) => host === pattern || host.endsWith(`.${pattern}`));
}
