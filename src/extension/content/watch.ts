// Pages that change after load: single-page apps that swap the article, live blogs that add
// posts, infinite scroll. A MutationObserver notices new or removed text (ignoring our own
// card), and a URL watcher notices history navigation. A content script cannot patch the
// page's history.pushState (different JavaScript world), so it listens to popstate /
// hashchange, to the Navigation API where the browser has one, and polls location.href as the
// fallback that catches everything.

const SIGNIFICANT_TEXT = 20;
const URL_POLL_MS = 1000;

/** True when a mutation adds or removes a meaningful amount of text (not a ticking clock or a tracking pixel). */
function isSignificant(record: MutationRecord): boolean {
  if (record.type === 'characterData') {
    return (record.target.nodeValue?.length ?? 0) >= SIGNIFICANT_TEXT;
  }
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) {
      if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
        if ((node.textContent?.length ?? 0) >= SIGNIFICANT_TEXT) return true;
      }
    }
  }
  return false;
}

/** Calls `onChange` when the page's text changes meaningfully outside `isOurs` nodes. Returns a stop function. */
export function watchContent(doc: Document, isOurs: (node: Node) => boolean, onChange: () => void): () => void {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if ([...record.addedNodes].some(isOurs)) continue;
      if (isSignificant(record)) {
        onChange();
        return;
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

/** Calls `onChange(newUrl)` when the page's URL changes without a new document. Returns a stop function. */
export function watchUrl(win: Window, onChange: (url: string) => void): () => void {
  let current = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now !== current) {
      current = now;
      onChange(now);
    }
  };
  // Events first (immediate), then a poll for pushState/replaceState, which fire no event.
  const later = () => setTimeout(check, 0);
  win.addEventListener('popstate', later);
  win.addEventListener('hashchange', later);
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('navigatesuccess', later);
  const timer = setInterval(check, URL_POLL_MS);
  return () => {
    clearInterval(timer);
    win.removeEventListener('popstate', later);
    win.removeEventListener('hashchange', later);
    navigation?.removeEventListener?.('navigatesuccess', later);
  };
}
