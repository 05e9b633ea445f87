// A long article of varied news-like sentences, for timing the analyzer on inputs far larger
// than a real page (how it scales, and that nothing in it is quadratic). Deterministic: the
// same seed gives the same text, so runs compare. The sentences carry the things the engine
// looks for (hedges, vague sources, omissions, unverified claims, figures with qualifiers)
// among plain ones, in roughly the mix of real reporting.

import type { ArticleText, Span } from '../engine/types';
import { seededRandom } from './random';


// Names and dates are built from two pools each, so that sentences rarely repeat word for word
// (real text does not, and an engine that caches per sentence must not look faster than it is).
const FIRST_NAMES = ['Maria', 'James', 'Li', 'Ana', 'Tomasz', 'Priya', 'David', 'Fatima', 'Kenji', 'Grace', 'Omar', 'Elena', 'Samuel', 'Aiko', 'Pedro', 'Ingrid', 'Kwame', 'Sofia', 'Ravi', 'Nadia'];
const LAST_NAMES = ['Okafor', 'Whitaker', 'Wen', 'Beltrán', 'Nowak', 'Raman', 'Cohen', 'Haddad', 'Sato', 'Mensah', 'Lindqvist', 'Moreau', 'Abebe', 'Kowalski', 'Tanaka', 'Ferreira', 'Novak', 'Rahman', 'Schultz', 'Osei'];
const PEOPLE = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROLES = ['the mayor', 'the health minister', 'the company’s chief executive', 'a police spokesperson', 'the union leader', 'the governor', 'the prosecutor', 'the central bank governor'];
const ORGS = ['the Interior Ministry', 'the city council', 'the regional health authority', 'Northwind Energy', 'the United Nations', 'the electoral commission', 'the transport agency', 'Harbor Bank'];
const PLACES = ['Lagos', 'the northern province', 'Riverside County', 'the capital', 'the coastal town of Port Ellis', 'Eastbrook', 'the border region', 'Valdora'];
const THINGS = ['people', 'residents', 'workers', 'homes', 'vehicles', 'schools', 'patients', 'flights', 'jobs', 'protesters'];
const EVENTS = ['were killed', 'were injured', 'were evacuated', 'were arrested', 'were affected', 'lost power', 'were displaced', 'were cancelled'];
const QUALIFIERS = ['', 'more than ', 'at least ', 'about ', 'nearly ', 'up to ', 'fewer than ', 'roughly '];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'late on Thursday', 'on Friday', 'over the weekend', 'last week', 'earlier this month', ...MONTHS.flatMap((m) => Array.from({ length: 28 }, (_, d) => `on ${m} ${d + 1}`))];
const WORD_NUMBERS = ['two', 'three', 'four', 'five', 'a dozen', 'several', 'hundreds of', 'dozens of'];

type Pick = <T>(list: readonly T[]) => T;
/** The number a text gives for one fact (same key, same number, as in consistent reporting). */
type Fact = (key: string) => string;

// Each template is a function of a picker and a fact table: the mix of kinds matters more
// than the count, so plain sentences (most of real news) are the majority. Facts repeat with
// the same number, as a long consistent text repeats them; a few disagree (see FACT_DISAGREES),
// so conflicts are found but their number stays in proportion to the text.
const TEMPLATES: ((p: Pick, f: Fact) => string)[] = [
  (p, f) => { const [t, e, pl] = [p(THINGS), p(EVENTS), p(PLACES)]; return `${capital(p(QUALIFIERS))}${f(`${t}|${e}|${pl}`)} ${t} ${e} in ${pl} ${p(DAYS)}, according to ${p(ORGS)}.`; },
  (p) => `${capital(p(ROLES))} said the situation in ${p(PLACES)} was under control and that more help would arrive ${p(DAYS)}.`,
  (p, f) => { const pl = p(PLACES); return `The attackers allegedly took ${f(`hostages|${pl}`)} people hostage before fleeing toward ${pl}.`; },
  (p) => `${p(ORGS).replace(/^the/, 'The')} did not say how many ${p(THINGS)} had been affected.`,
  (p) => `Officials who asked not to be named because they were not authorised to speak publicly said the talks with ${p(PEOPLE)} had stalled ${p(DAYS)}.`,
  (p, f) => { const [t, e, pl] = [p(THINGS), p(EVENTS), p(PLACES)]; return `${p(PEOPLE)} claims that ${f(`${t}|${e}|${pl}`)} ${t} ${e} in ${pl}, a figure that could not be independently verified.`; },
  (p) => `A spokesperson for ${p(ORGS)} declined to comment on the report ${p(DAYS)}.`,
  (p, f) => { const pl = p(PLACES); return `The bridge in ${pl} is expected to cost $${f(`bridge|${pl}`)} million, up from an earlier estimate of $${f(`bridge-estimate|${pl}`)} million.`; },
  (p) => `${p(PEOPLE)}, who has lived in ${p(PLACES)} for twenty years, said neighbours had helped each other through the night.`,
  (p) => `Sources familiar with the matter said ${p(ORGS)} was preparing a new proposal for ${p(PLACES)} ${p(DAYS)}.`,
  (p) => `Unemployment in ${p(PLACES)} rose to ${p(['3.9', '4.7', '6.2', '8.1', '11.4'])} percent, the highest level since 2009.`,
  (p) => `The statement issued ${p(DAYS)} made no mention of the ${p(THINGS)} who remain missing in ${p(PLACES)}.`,
  (p) => `Reportedly, ${p(ROLES)} had been warned by ${p(PEOPLE)} about the risks weeks earlier.`,
  (p) => `Critics say the plan would hurt ${p(THINGS)} in ${p(PLACES)}, while supporters argue it is long overdue.`,
  (p, f) => { const pl = p(PLACES); return `Police in ${pl} said ${p(WORD_NUMBERS)} suspects were detained and ${f(`questioned|${pl}`)} others were questioned ${p(DAYS)}.`; },
  (p) => `The claim made by ${p(PEOPLE)} has not been confirmed by ${p(ORGS)}.`,
  (p) => `Some experts believe the measures announced ${p(DAYS)} will not be enough to prevent another crisis in ${p(PLACES)}.`,
  (p) => { const o = p(ORGS).replace(/^the /, ''); return `Shares of ${o} fell ${p(['1.2', '3.4', '7', '12.5'])}% in early trading after the announcement.`; },
  (p) => `${p(PEOPLE)} is said to have met ${p(ROLES)} privately before the vote.`,
  (p) => `The report, published ${p(DAYS)}, runs to more than 200 pages and includes dozens of recommendations.`,
  (p, f) => { const [t, pl] = [p(THINGS), p(PLACES)]; return `Between ${f(`march-low|${pl}`)} and ${f(`march-high|${pl}`)}0 ${t} took part in the march through ${pl}.`; },
  (p) => `It was not immediately clear who was responsible for the fire in ${p(PLACES)} ${p(DAYS)}.`,
  (p) => `${capital(p(ROLES))} told reporters ${p(DAYS)} that the investigation into ${p(PEOPLE)} would continue.`,
  (p) => `The company didn't specify when the factory in ${p(PLACES)} would reopen, ${p(PEOPLE)} said ${p(DAYS)}.`,
];

/** Share of repeated facts that come with another number (a source that disagrees). */
const FACT_DISAGREES = 0.02;

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An article of at least `words` words: a headline, then paragraphs of two to five sentences. */
export function syntheticArticle(words: number, seed = 42): ArticleText {
  const random = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const number = () => {
    const size = random();
    const value = size < 0.5 ? 2 + Math.floor(random() * 98) : size < 0.85 ? 100 + Math.floor(random() * 900) : 1000 + Math.floor(random() * 50000);
    return value.toLocaleString('en-US');
  };
  const facts = new Map<string, string>();
  const fact: Fact = (key) => {
    const known = facts.get(key);
    if (known !== undefined && random() >= FACT_DISAGREES) return known;
    const value = number();
    if (known === undefined) facts.set(key, value);
    return value;
  };
  const title = 'Officials say crisis is under control as questions mount over figures';
  const parts = [title];
  let count = title.split(' ').length;
  while (count < words) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) sentences.push(pick(TEMPLATES)(pick, fact));
    const paragraph = sentences.join(' ');
    parts.push(paragraph);
    count += paragraph.split(' ').length;
  }
  const blocks: Span[] = [];
  let text = '';
  for (const part of parts) {
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + part.length });
    text += part;
  }
  return { isArticle: true, reason: null, title, text, blocks, publishedAt: '2025-01-01', siteName: 'Synthetic News', byline: null, lang: 'en' };
}
