import { flagCountOf, type PageState } from '../shared/messages';

// What the toolbar badge says for a tab: the number of flags on an article, nothing otherwise.

const MAX_SHOWN = 999;

export function badgeText(state: PageState): string {
  if (state.status !== 'article' || !state.report) return '';
  const count = flagCountOf(state);
  if (count === 0) return '';
  return count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(count);
}

export function badgeTitle(state: PageState): string {
  switch (state.status) {
    case 'skipped':
      return 'Caveat: this site is skipped';
    case 'not-article':
      return 'Caveat: not an article';
    case 'scanning':
      return 'Caveat';
    case 'article': {
      const flags = flagCountOf(state);
      return flags === 1 ? 'Caveat: 1 flag on this page' : `Caveat: ${flags} flags on this page`;
    }
  }
}
