// One article, one key. A page read again must replace its earlier figures, never sit beside
// them and conflict with itself, so every address an article is reachable under maps to one
// "page key": tracking parameters, AMP variants, www., the scheme, a trailing slash and the
// #fragment are all dropped. What remains still tells different articles apart (the path and
// the query parameters that select content, sorted).

/** Query parameters that only track where a reader came from; they never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'igsh',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_enc_id', 'oly_anon_id',
  'vero_id', 'wickedid', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'ocid', 'ito',
  'smid', 'smtyp', 'taid', 'sr_share', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'amp',
  'outputtype', 'spref', 's_cid', 'intcmp',
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, pk_campaign...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_', 'itm_', 'fb_', 'oly_'];
// Deliberately NOT dropped: src, source, cid, id, output, share... Some sites select the
// article with them, and merging two articles under one key would make one replace the
// other; a duplicate key is the lesser harm (the content fingerprint catches it).

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** The host without www./m./amp. and without an AMP cache's dashes (example-com.cdn.ampproject.org). */
export function siteOf(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, '');
  const ampCache = /^(.+)\.cdn\.ampproject\.org$/.exec(h);
  if (ampCache?.[1]) h = ampCache[1].replace(/--/g, '\u0000').replace(/-/g, '.').replace(/\u0000/g, '-');
  return h.replace(/^(?:www\d*|m|amp|mobile)\./, '');
}

/** Strips AMP markers from a path: /amp, /amp/, /amp.html, .amp, /amp/ as the first segment. */
function pathWithoutAmp(path: string): string {
  let p = path;
  p = p.replace(/\/amp(?:\.html?)?\/?$/i, '/');
  p = p.replace(/\.amp(\.html?)?$/i, '$1');
  p = p.replace(/^\/amp\//i, '/');
  p = p.replace(/\/index\.(?:html?|php)$/i, '/');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p || '/';
}

/**
 * The page key of a URL (or of a file path, which is kept as it is apart from separators).
 * Never throws: a string that is not a URL is its own key.
 */
export function canonicalPageKey(source: string): string {
  const trimmed = source.trim();
  // A Windows path ("C:\\news\\a.html") parses as a URL with the scheme "c:".
  if (/^[a-z]:[\\/]/i.test(trimmed)) return trimmed.replace(/\\/g, '/');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed.replace(/\\/g, '/');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return url.protocol === 'file:' ? decodeURIComponent(url.pathname) : trimmed;
  }
  // A cached AMP page (https://example-com.cdn.ampproject.org/c/s/example.com/path) carries
  // the original address in its path: read that one.
  const cache = /^\/[a-z]\/(?:s\/)?([^/]+)(\/.*)?$/.exec(url.pathname);
  if (url.hostname.endsWith('.cdn.ampproject.org') && cache?.[1]) {
    return canonicalPageKey(`https://${cache[1]}${cache[2] ?? '/'}${url.search}`);
  }
  const kept: [string, string][] = [];
  url.searchParams.forEach((value, name) => {
    if (!isTrackingParam(name)) kept.push([name, value]);
  });
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const query = kept.length
    ? '?' + kept.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')
    : '';
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  return `${siteOf(url.hostname)}${port}${pathWithoutAmp(url.pathname)}${query}`;
}

/** The site a source belongs to, for the per-site cap: its host, or `fallback` for a file. */
export function siteOfSource(source: string, fallback: string): string {
  try {
    const url = new URL(source.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return siteOf(url.hostname);
  } catch {
    // not a URL: a file scanned by the CLI
  }
  return fallback;
}
