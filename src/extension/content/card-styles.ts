// The card's styles, inside its closed shadow root: page CSS cannot reach in, and the host's
// inline `all: initial !important` stops inherited page styles at the door.
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box;
  width: 100%;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #111827;
  background: #ffffff;
  border: 1px solid #d1d5db;
  border-radius: 10px;
  box-shadow: 0 10px 30px rgba(15, 23, 42, 0.22), 0 2px 6px rgba(15, 23, 42, 0.12);
  padding: 12px 14px 10px;
  text-align: left;
  direction: ltr;
}
.card:focus { outline: none; }
.top { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; }
.kind {
  display: inline-flex; align-items: center; gap: 6px;
  font-weight: 650; font-size: 13px; letter-spacing: 0.01em;
  padding: 2px 8px 2px 6px; border-radius: 999px; background: var(--tint); color: #111827;
}
.swatch { width: 18px; height: 0; border-bottom: 3px var(--line) var(--ink); display: inline-block; }
.brand { margin-left: auto; font-size: 11px; color: #6b7280; letter-spacing: 0.04em; text-transform: uppercase; }
.close {
  all: unset; cursor: pointer; width: 24px; height: 24px; border-radius: 6px;
  display: inline-flex; align-items: center; justify-content: center; color: #4b5563; font-size: 18px; line-height: 1;
}
.close:hover { background: #f3f4f6; color: #111827; }
.close:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.explain { margin: 0 0 8px; color: #374151; font-size: 13px; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; column-gap: 10px; row-gap: 4px; }
dt { color: #6b7280; font-size: 12px; padding-top: 1px; }
dd { margin: 0; overflow-wrap: anywhere; }
.cue { font-weight: 600; }
.claim {
  display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden;
  color: #1f2937;
}
.others { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.fig .label { font-size: 11px; color: #6b7280; text-transform: uppercase; letter-spacing: 0.04em; margin-bottom: 2px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.fig { border: 1px solid #e5e7eb; border-radius: 8px; padding: 6px 8px; background: #f9fafb; }
.fig.here { border-color: #e9a8f2; background: #fdf4ff; }
.value { font-weight: 650; overflow-wrap: anywhere; }
.meta { font-size: 12px; color: #4b5563; overflow-wrap: anywhere; }
.meta a { color: #1d4ed8; text-decoration: underline; }
.hint { margin: 8px 0 0; font-size: 11px; color: #6b7280; }
kbd { font: 11px/1 ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid #d1d5db; border-bottom-width: 2px; border-radius: 4px; padding: 1px 4px; background: #f9fafb; }
.k-unverified { --tint: rgba(225, 29, 72, 0.14); --ink: #e11d48; --line: solid; }
.k-hedge { --tint: rgba(217, 119, 6, 0.16); --ink: #d97706; --line: dashed; }
.k-vague-source { --tint: rgba(124, 58, 237, 0.14); --ink: #8b5cf6; --line: dotted; }
.k-omission { --tint: rgba(8, 145, 178, 0.14); --ink: #0891b2; --line: double; }
.k-conflict { --tint: rgba(192, 38, 211, 0.14); --ink: #c026d3; --line: dashed; }
@media (prefers-color-scheme: dark) {
  .card { color: #f3f4f6; background: #1f2937; border-color: #374151; box-shadow: 0 10px 30px rgba(0, 0, 0, 0.55); }
  .kind { color: #f9fafb; }
  .explain, .claim { color: #d1d5db; }
  dt, .brand, .hint, .fig .label { color: #9ca3af; }
  .close { color: #d1d5db; }
  .close:hover { background: #374151; color: #fff; }
  .fig { background: #111827; border-color: #374151; }
  .fig.here { background: #2e1036; border-color: #86198f; }
  .meta { color: #d1d5db; }
  .meta a { color: #93c5fd; }
  kbd { background: #111827; border-color: #4b5563; }
}
`;
