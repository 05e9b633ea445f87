// DOM primitives captured when the content script starts, before anything else runs in its
// world. The card's security rests on them: a closed shadow root whose reference never
// leaves this module's closure. In Chrome's isolated world and Firefox's Xray view the page
// cannot patch these prototypes anyway; capturing them keeps that true even if a later
// browser change (or a polyfill of ours) shares them.

const elementProto = Element.prototype;
const nodeProto = Node.prototype;

export const nativeAttachShadow = elementProto.attachShadow;
export const nativeAppendChild = nodeProto.appendChild;
export const nativeContains = nodeProto.contains;
export const nativeCreateElement = Document.prototype.createElement;

/** attachShadow through the captured primitive. */
export function attachClosedShadow(host: Element): ShadowRoot {
  return nativeAttachShadow.call(host, { mode: 'closed' });
}

/** document.createElement through the captured primitive. */
export function createElementIn<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K];
export function createElementIn(doc: Document, tag: string): HTMLElement;
export function createElementIn(doc: Document, tag: string): HTMLElement {
  return nativeCreateElement.call(doc, tag) as HTMLElement;
}
