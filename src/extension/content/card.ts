import { quoteCue, type CardModel, type ConflictView } from '../shared/views';
import { CARD_CSS } from './card-styles';
import { attachClosedShadow, createElementIn, nativeAppendChild } from './dom-guard';

// The context card: a small panel beside a flagged cue. It lives in a CLOSED shadow root on a
// host element appended to <html>, so page CSS cannot restyle it and page scripts cannot read
// it (the ShadowRoot reference stays in this object's private field). Everything is built with
// createElement + textContent: the strings come from page text.

const CARD_WIDTH = 360;
const MARGIN = 8;

type Child = Node | string | null | undefined | false;

export class ContextCard {
  #host: HTMLElement | null = null;
  #root: ShadowRoot | null = null;
  #openId: string | null = null;

  constructor(private readonly doc: Document) {}

  get openId(): string | null {
    return this.#openId;
  }

  /** True for the card's host and anything inside it: the page watcher ignores our own changes. */
  owns(node: Node): boolean {
    return this.#host !== null && (node === this.#host || this.#host.contains(node));
  }

  /** True when the event happened inside the card (its composed path includes our host). */
  containsEvent(event: Event): boolean {
    return this.#host !== null && event.composedPath().includes(this.#host);
  }

  /** Opens the card for `model` beside `anchor`; `focus` moves keyboard focus into it. */
  open(model: CardModel, anchor: Range, focus: boolean): void {
    const root = this.ensureHost();
    root.replaceChildren(this.el('style', {}, CARD_CSS), this.render(model));
    this.#openId = model.id;
    this.place(anchor);
    if (focus) (root.querySelector('.card') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  close(): void {
    this.#host?.remove();
    this.#host = null;
    this.#root = null;
    this.#openId = null;
  }

  private ensureHost(): ShadowRoot {
    if (this.#host?.isConnected && this.#root) return this.#root;
    const host = createElementIn(this.doc, 'div');
    host.setAttribute('data-caveat-card', '');
    // `all: initial` first, then the few properties the host needs, all !important: inline
    // !important beats any page rule.
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'absolute', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    host.style.setProperty('display', 'block', 'important');
    host.style.setProperty('width', `${CARD_WIDTH}px`, 'important');
    this.#root = attachClosedShadow(host);
    nativeAppendChild.call(this.doc.documentElement, host);
    this.#host = host;
    return this.#root;
  }

  private place(anchor: Range): void {
    const host = this.#host;
    if (!host) return;
    const view = this.doc.defaultView;
    const viewportWidth = this.doc.documentElement.clientWidth || view?.innerWidth || 1024;
    const viewportHeight = view?.innerHeight ?? 768;
    const width = Math.min(CARD_WIDTH, viewportWidth - 2 * MARGIN);
    host.style.setProperty('width', `${width}px`, 'important');
    const rect = anchor.getBoundingClientRect();
    const height = host.getBoundingClientRect().height;
    const left = Math.max(MARGIN, Math.min(rect.left, viewportWidth - width - MARGIN));
    const below = rect.bottom + MARGIN;
    const fitsBelow = below + height <= viewportHeight - MARGIN;
    const fitsAbove = rect.top - MARGIN - height >= MARGIN;
    const top = fitsBelow || !fitsAbove ? below : rect.top - MARGIN - height;
    // Absolute in document coordinates: the card scrolls with the text it explains. The
    // offset of <html>'s own box is subtracted in case the page positions it.
    const origin = this.doc.documentElement.getBoundingClientRect();
    const htmlIsPositioned = view ? view.getComputedStyle(this.doc.documentElement).position !== 'static' : false;
    const scrollX = htmlIsPositioned ? -origin.left : (view?.scrollX ?? 0);
    const scrollY = htmlIsPositioned ? -origin.top : (view?.scrollY ?? 0);
    host.style.setProperty('left', `${Math.round(left + scrollX)}px`, 'important');
    host.style.setProperty('top', `${Math.round(top + scrollY)}px`, 'important');
  }

  private render(model: CardModel): HTMLElement {
    const close = this.el('button', { class: 'close', type: 'button', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.close());
    // A flag: its cue, claim and source. A conflicting figure: the figures side by side,
    // which already say what and who.
    const details =
      model.kind === 'conflict' && model.conflicts.length > 0
        ? this.renderConflicts(model)
        : this.el(
            'dl',
            {},
            this.el('dt', {}, model.kind === 'conflict' ? 'Figure' : 'Cue'),
            this.el('dd', { class: 'cue' }, quoteCue(model.cue)),
            model.claim && model.kind !== 'conflict' && this.el('dt', {}, 'Claim'),
            model.claim && model.kind !== 'conflict' && this.el('dd', { class: 'claim' }, model.claim),
            this.el('dt', {}, 'Said by'),
            this.el('dd', {}, model.attributedTo ?? 'not attributed'),
          );

    return this.el(
      'div',
      { class: `card k-${model.kind}`, role: 'dialog', 'aria-label': `Caveat: ${model.label}`, tabindex: '-1' },
      this.el(
        'div',
        { class: 'top' },
        this.el('span', { class: 'kind' }, this.el('span', { class: 'swatch', 'aria-hidden': 'true' }), model.label),
        this.el('span', { class: 'brand' }, 'Caveat'),
        close,
      ),
      this.el('p', { class: 'explain' }, model.explanation),
      details,
      this.el(
        'p',
        { class: 'hint' },
        this.el('kbd', {}, 'Alt'), '+', this.el('kbd', {}, 'Shift'), '+', this.el('kbd', {}, 'N'),
        ' next flag · ', this.el('kbd', {}, 'Esc'), ' close',
      ),
    );
  }

  private renderConflicts(model: CardModel): HTMLElement {
    const items = model.conflicts.map((other) =>
      this.el(
        'li',
        { class: 'pair' },
        this.el(
          'div',
          { class: 'fig here' },
          this.el('div', { class: 'label' }, 'This page'),
          this.el('div', { class: 'value' }, model.cue),
          this.el('div', { class: 'meta' }, model.attributedTo ?? 'not attributed'),
        ),
        this.el(
          'div',
          { class: 'fig' },
          this.el('div', { class: 'label' }, other.samePage ? 'Also this page' : 'Another page'),
          this.el('div', { class: 'value' }, other.text),
          this.renderMeta(other),
        ),
      ),
    );
    return this.el('ul', { class: 'others' }, ...items);
  }

  private renderMeta(other: ConflictView): HTMLElement {
    const parts: Child[] = [other.attributedTo ?? 'not attributed'];
    if (other.url) parts.push(' · ', this.el('a', { href: other.url, target: '_blank', rel: 'noopener noreferrer' }, other.title));
    else if (!other.samePage) parts.push(' · ', other.title);
    if (other.date) parts.push(` · ${other.date}`);
    return this.el('div', { class: 'meta' }, ...parts);
  }

  /** createElement + setAttribute + textContent / append: never markup from strings. */
  private el(tag: string, attrs: Record<string, string>, ...children: Child[]): HTMLElement {
    const node = createElementIn(this.doc, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? this.doc.createTextNode(child) : child);
    }
    return node;
  }
}
