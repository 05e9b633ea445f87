// Builders of reports and figures for the figure-memory tests: realistic pages of two
// unrelated stories that both count "person|killed", and of one story told twice.
import type { Figure, ScanReport } from '../../../src/engine/types';

let nextId = 0;

export function figure(partial: Partial<Figure> & Pick<Figure, 'text' | 'what'>): Figure {
  nextId++;
  return {
    id: `f${nextId}`,
    start: 0,
    end: partial.text.length,
    number: partial.text.match(/[\d,.]+/)?.[0] ?? '',
    low: null,
    high: null,
    unit: 'count',
    attributedTo: null,
    sentence: partial.text + '.',
    sentenceStart: 0,
    context: [],
    ...partial,
  };
}

export function report(partial: Partial<ScanReport> & Pick<ScanReport, 'source' | 'title'>): ScanReport {
  return {
    publishedAt: null,
    siteName: null,
    isArticle: true,
    reason: null,
    flags: [],
    figures: [],
    conflicts: [],
    ...partial,
  };
}

/** Article text of the October 7 story as one site tells it. */
export const ISRAEL_TEXT =
  'Israel gives its count of Russian citizens killed in the Hamas attack\n\n' +
  'According to Israel’s Foreign Affairs Ministry, 23 Russian citizens were killed in the October 7 attack on Israel launched by Hamas. ' +
  'The Russian Embassy in Tel Aviv said it was in contact with the families. Moscow has hosted a Hamas delegation.';

export const AMBASSADOR_TEXT =
  'Russian ambassador gives his count of Russian citizens killed in the Hamas attack\n\n' +
  'On October 20, Russia’s Ambassador to Israel Anatoly Viktorov said that 20 Russian citizens were killed in the attack by Hamas. ' +
  'Viktorov spoke to the Russian news agency Interfax in Tel Aviv about Israel and the Hamas delegation in Moscow.';

/** An unrelated story with the same figure key. */
export const FLOOD_TEXT =
  'Floods in Brazil: death toll rises in Rio Grande do Sul\n\n' +
  'Officials in Porto Alegre said 57 people were killed as the Guaíba river rose. ' +
  'Governor Eduardo Leite asked Brasília for help; President Lula visited Canoas on Sunday.';

export const ISRAEL_TEXT_PEOPLE =
  ISRAEL_TEXT + ' According to the Israeli government, more than 1,400 people were killed in the attack by Hamas.';

export function israelPage(source = 'https://testwire.example/world/russian-count'): { report: ScanReport; text: string; f: Figure } {
  const f = figure({
    text: '23 Russian citizens were killed',
    what: 'russian citizen|killed',
    low: 23,
    high: 23,
    attributedTo: 'Israel’s Foreign Affairs Ministry',
    sentence: 'According to Israel’s Foreign Affairs Ministry, 23 Russian citizens were killed in the October 7 attack on Israel launched by Hamas.',
  });
  return {
    report: report({ source, title: 'Israel gives its count of Russian citizens killed in the Hamas attack', siteName: 'Test Wire', publishedAt: '2023-10-19T12:00:00Z', figures: [f] }),
    text: ISRAEL_TEXT,
    f,
  };
}

export function ambassadorPage(source = 'https://meduza.example/news/ambassador'): { report: ScanReport; text: string; f: Figure } {
  const f = figure({
    text: '20 Russian citizens were killed',
    what: 'russian citizen|killed',
    low: 20,
    high: 20,
    attributedTo: 'Anatoly Viktorov',
    sentence: 'On October 20, Russia’s Ambassador to Israel Anatoly Viktorov said that 20 Russian citizens were killed in the attack by Hamas.',
  });
  return {
    report: report({ source, title: 'Russian ambassador gives his count of Russian citizens killed in the Hamas attack', siteName: 'Meduza', publishedAt: '2023-10-20T12:00:00Z', figures: [f] }),
    text: AMBASSADOR_TEXT,
    f,
  };
}
