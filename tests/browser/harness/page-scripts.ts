// Functions the harness runs inside pages. They are sent as source text (fn.toString()), so
// each must be self-contained: no imports, no closures over this module.

/**
 * Scrolls range `index` (in document order) of highlight `name` into view and returns the
 * middle of its first line box, plus its text. Null when the highlight or range is missing.
 */
export function locateHighlightRange(
  name: string,
  index: number,
): { x: number; y: number; text: string } | null {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return null;
  const ranges = [...(highlight as unknown as Iterable<AbstractRange>)]
    .filter((r): r is Range => 'getClientRects' in r)
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = ranges[index];
  if (!range) return null;
  const anchor = range.startContainer.parentElement ?? document.body;
  anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
  const box = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
  if (!box) return null;
  return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: range.toString() };
}

/** Visible text of a shadow root: each rendered child's innerText, skipping style and script. */
export function shadowRootText(root: ShadowRoot): string {
  const parts: string[] = [];
  for (const node of root.childNodes) {
    // nodeType rather than instanceof: in Firefox this runs in a privileged sandbox whose
    // HTMLElement is not the page's.
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as HTMLElement;
      if (['STYLE', 'SCRIPT', 'LINK', 'TEMPLATE'].includes(element.tagName)) continue;
      parts.push(element.innerText);
    } else if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
    }
  }
  return parts.join('\n').trim();
}
