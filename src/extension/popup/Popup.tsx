import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { conflictsCut, flagsCut, kindCountOf, type ListCut, type PageState } from '../shared/messages';
import { figureConflicts, groupFlags, quoteCue, type ConflictView, type FigureConflictsView, type FlagGroup } from '../shared/views';
import { CONFLICT_INFO, KIND_INFO } from '../shared/kinds';
import { FLAG_KINDS, type ScanReport } from '../../engine/types';
import { askTab, pageStateOf, targetTabId } from './page-state';

// The toolbar popup: the page's flags grouped by kind, and its figures that disagree with
// figures from this page or pages read before, side by side. Choosing an entry scrolls the
// page to it and opens its card there.

type Load =
  | { phase: 'loading' }
  | { phase: 'unreadable' }
  | { phase: 'ready'; tabId: number; state: PageState };

const POLL_MS = 400;
const MAX_POLLS = 25;
/** How long a tab may stay silent before the popup says it cannot read it: 10 x 150 ms. */
const UNANSWERED_POLLS = 10;
const UNANSWERED_POLL_MS = 150;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function Popup() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      const tabId = await targetTabId();
      if (tabId === null) return setLoad({ phase: 'unreadable' });
      // The page may still be scanning when the popup opens: ask again until it is done.
      for (let poll = 0; !cancelled; poll++) {
        const state = await pageStateOf(tabId);
        if (cancelled) return;
        if (!state) {
          // A page that has just loaded may not have Caveat's content script yet (it is injected
          // once the page is parsed, and answers after its first turn): ask again for a moment.
          if (poll >= UNANSWERED_POLLS) return setLoad({ phase: 'unreadable' });
          await new Promise((resolve) => (timer = setTimeout(resolve, UNANSWERED_POLL_MS)));
          continue;
        }
        setLoad({ phase: 'ready', tabId, state });
        if (state.status !== 'scanning' || poll >= MAX_POLLS) return;
        await new Promise((resolve) => (timer = setTimeout(resolve, POLL_MS)));
      }
    })();
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);

  const reveal = async (tabId: number, id: string) => {
    await askTab(tabId, { type: 'caveat/reveal', id });
    // As the real popup, get out of the way of the card; opened as a tab (tests), stay.
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  };

  return (
    <div class="popup">
      <header>
        <div class="brand">
          <img src="/icons/icon-32.png" alt="" /> Caveat
        </div>
        {load.phase === 'ready' && load.state.report && <p class="page" title={load.state.report.title}>{load.state.report.title}</p>}
        {load.phase === 'ready' && load.state.report && <Summary state={load.state} report={load.state.report} />}
      </header>
      <main>
        <Body load={load} reveal={reveal} />
      </main>
      <footer>
        <span>
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> next flag on the page
        </span>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </footer>
    </div>
  );
}

/** Counts per kind: the page's true counts, also when the list below holds only the first 1,000. */
function Summary({ state, report }: { state: PageState; report: ScanReport }) {
  const groups = groupFlags(report);
  const conflicts = figureConflicts(report).length;
  const cut = conflictsCut(state);
  if (groups.length === 0 && conflicts === 0) return null;
  const kinds = FLAG_KINDS.map((kind) => ({ kind, label: KIND_INFO[kind].label, count: kindCountOf(state, kind) })).filter((k) => k.count > 0);
  return (
    <div class="summary">
      {kinds.map((k) => (
        <span class={`chip k-${k.kind}`} key={k.kind} data-testid={`count-${k.kind}`}>
          <span class="swatch" aria-hidden="true" /> {count(k.count)} {k.label.toLowerCase()}
        </span>
      ))}
      {conflicts > 0 && !cut && (
        <span class="chip k-conflict" data-testid="count-conflict">
          <span class="swatch" aria-hidden="true" /> {count(conflicts)} conflicting {conflicts === 1 ? 'figure' : 'figures'}
        </span>
      )}
      {cut && (
        // Only the first disagreements travelled with the page's state: how many figures they
        // involve is not known, how many disagreements there are is.
        <span class="chip k-conflict" data-testid="count-conflict">
          <span class="swatch" aria-hidden="true" /> {count(cut.total)} disagreements
        </span>
      )}
    </div>
  );
}

function Empty({ title, children }: { title: string; children?: preact.ComponentChildren }) {
  return (
    <div class="empty" data-testid="empty-state">
      <strong>{title}</strong>
      {children}
    </div>
  );
}

function Body({ load, reveal }: { load: Load; reveal: (tabId: number, id: string) => void }) {
  if (load.phase === 'loading') return <Empty title="Reading the page…" />;
  if (load.phase === 'unreadable') {
    return (
      <Empty title="Caveat can’t read this page">
        Browser pages and extension stores are off limits. If this tab was open before Caveat was installed, reload it.
      </Empty>
    );
  }
  const { state, tabId } = load;
  if (state.status === 'scanning') return <Empty title="Reading the page…" />;
  if (state.status === 'skipped') {
    return (
      <Empty title={`You asked Caveat to skip ${hostOf(state.url)}`}>
        Change that in <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>Options</a>.
      </Empty>
    );
  }
  if (state.status === 'not-article' || !state.report) {
    return <Empty title="Not an article">This page doesn’t look like a news article, so Caveat left it alone.</Empty>;
  }
  const groups = groupFlags(state.report);
  const conflicts = figureConflicts(state.report);
  if (groups.length === 0 && conflicts.length === 0) {
    return (
      <Empty title="No flags on this article">
        The article doesn’t say any of its claims are unverified, hedged, vaguely sourced or missing information, and none of its
        figures disagree with pages you read before.
      </Empty>
    );
  }
  const cutFlags = flagsCut(state);
  const cutConflicts = conflictsCut(state);
  return (
    <>
      {cutFlags && <Cut testid="flags-cut" cut={cutFlags} what="flags" />}
      {cutConflicts && <Cut testid="conflicts-cut" cut={cutConflicts} what="disagreements between figures" />}
      {groups.map((group) => (
        <Group group={group} key={group.kind} onPick={(id) => reveal(tabId, id)} />
      ))}
      {conflicts.length > 0 && <Conflicts views={conflicts} onPick={(id) => reveal(tabId, id)} />}
    </>
  );
}

const count = (n: number) => n.toLocaleString('en-US');

/** Says the list below is the start of a longer one (a page with more flags than a message carries). */
function Cut({ cut, what, testid }: { cut: ListCut; what: string; testid: string }) {
  return (
    <p class="cut" data-testid={testid} role="note">
      Showing the first {count(cut.shown)} of {count(cut.total)} {what} on this page.
    </p>
  );
}

function Group({ group, onPick }: { group: FlagGroup; onPick: (id: string) => void }) {
  return (
    <section class={`k-${group.kind}`} data-testid={`group-${group.kind}`}>
      <h2>
        <span class="swatch" aria-hidden="true" />
        {group.label} <span class="count">{group.flags.length}</span>
      </h2>
      <p class="explain">{group.explanation}</p>
      <ul>
        {group.flags.map((flag) => (
          <li key={flag.id}>
            <button type="button" class="entry" data-testid="flag-entry" data-flag-id={flag.id} onClick={() => onPick(flag.id)}>
              <div class="cue">{quoteCue(flag.cue)}</div>
              <div class="claim">{flag.claim || flag.sentence}</div>
              <div class="who">{flag.attributedTo ? `Said by ${flag.attributedTo}` : 'Not attributed'}</div>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OtherFigure({ other }: { other: ConflictView }) {
  return (
    <div class="fig">
      <div class="label">{other.samePage ? 'Also this page' : 'Another page'}</div>
      <div class="value">{other.text}</div>
      <div class="meta">
        {other.attributedTo ?? 'not attributed'}
        {other.url ? (
          <>
            {' · '}
            <a href={other.url} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}>
              {other.title}
            </a>
          </>
        ) : other.samePage ? null : (
          ` · ${other.title}`
        )}
        {other.date ? ` · ${other.date}` : ''}
      </div>
    </div>
  );
}

function Conflicts({ views, onPick }: { views: FigureConflictsView[]; onPick: (id: string) => void }) {
  return (
    <section class="k-conflict" data-testid="group-conflict">
      <h2>
        <span class="swatch" aria-hidden="true" />
        Figures that disagree <span class="count">{views.length}</span>
      </h2>
      <p class="explain">{CONFLICT_INFO.explanation}</p>
      <ul>
        {views.map(({ figure, others }) => (
          <li key={figure.id}>
            <div class="entry" role="button" tabIndex={0} data-testid="conflict-entry" data-figure-id={figure.id}
              onClick={() => onPick(figure.id)}
              onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(figure.id); } }}>
              {others.map((other, i) => (
                <div class="pair" key={i}>
                  <div class="fig here">
                    <div class="label">This page</div>
                    <div class="value">{figure.text}</div>
                    <div class="meta">{figure.attributedTo ?? 'not attributed'}</div>
                  </div>
                  <OtherFigure other={other} />
                </div>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
