import { describe, expect, it } from 'vitest';
import { FigureMemory } from '../../../src/engine/store/figure-memory';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import { FLOOD_TEXT, ISRAEL_TEXT_PEOPLE, ambassadorPage, figure, israelPage, report } from './helpers';

const READ = new Date('2023-10-27T10:00:00Z');

describe('FigureMemory: conflicts across pages of one story', () => {
  it('shows a kept figure of another page of the story that gives another count', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    const ambassador = ambassadorPage();
    const first = await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text, seenAt: READ });
    expect(first.conflicts).toEqual([]);

    const second = await memory.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text, seenAt: READ });
    expect(second.conflicts).toHaveLength(1);
    const [conflict] = second.conflicts;
    expect(conflict!.figures[0]).toBe(ambassador.f.id);
    const kept = second.keptFigures.find((k) => k.id === conflict!.figures[1]);
    expect(kept).toMatchObject({
      text: '23 Russian citizens were killed',
      low: 23,
      high: 23,
      what: 'russian citizen|killed',
      attributedTo: 'Israel’s Foreign Affairs Ministry',
      source: 'https://testwire.example/world/russian-count',
      title: 'Israel gives its count of Russian citizens killed in the Hamas attack',
      publishedAt: '2023-10-19T12:00:00Z',
      seenAt: READ.toISOString(),
    });
    expect(conflict!.reason).toContain('Test Wire');
  });

  it('works from the report alone when the caller has no article text', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    const ambassador = ambassadorPage();
    await memory.recordPage(israel.report, { url: israel.report.source });
    const { conflicts } = await memory.recordPage(ambassador.report, { url: ambassador.report.source });
    expect(conflicts).toHaveLength(1);
  });

  it('does not report figures that agree', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    const copy = israelPage('https://other.example/world/also-23');
    copy.report.title = 'Russia counts its dead after the Hamas attack on Israel';
    await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    const { conflicts } = await memory.recordPage(copy.report, { url: copy.report.source, text: israel.text.replace('Israel gives', 'Russia counts') + ' More.' });
    expect(conflicts).toEqual([]);
  });

  it('never makes figures of different stories conflict, even with the same key', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const attack = report({
      source: 'https://testwire.example/attack',
      title: 'Israel gives its count of people killed in the Hamas attack',
      publishedAt: '2023-10-19T12:00:00Z',
      figures: [figure({ text: 'more than 1,400 people were killed', what: 'person|killed', low: 1401, high: null, sentence: 'According to the Israeli government, more than 1,400 people were killed in the attack by Hamas.' })],
    });
    const flood = report({
      source: 'https://brasilnews.example/floods',
      title: 'Floods in Brazil: death toll rises in Rio Grande do Sul',
      publishedAt: '2023-10-20T12:00:00Z',
      figures: [figure({ text: '57 people were killed', what: 'person|killed', low: 57, high: 57, sentence: 'Officials in Porto Alegre said 57 people were killed as the Guaíba river rose.' })],
    });
    await memory.recordPage(attack, { url: attack.source, text: ISRAEL_TEXT_PEOPLE });
    const { conflicts } = await memory.recordPage(flood, { url: flood.source, text: FLOOD_TEXT });
    expect(conflicts).toEqual([]);
    expect((await memory.usage()).figures).toBe(2);
  });

  it('does not tie pages of one story told months apart', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    const ambassador = ambassadorPage();
    ambassador.report.publishedAt = '2024-03-01T00:00:00Z';
    await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    const { conflicts } = await memory.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text });
    expect(conflicts).toEqual([]);
  });

  it('gives kept figures ids unique across pages even when page figure ids repeat', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    const ambassador = ambassadorPage();
    israel.f.id = 'f1';
    ambassador.f.id = 'f1';
    await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    const { conflicts, keptFigures } = await memory.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text });
    expect(conflicts[0]!.figures[0]).toBe('f1');
    expect(conflicts[0]!.figures[1]).not.toBe('f1');
    expect(keptFigures[0]!.id).toBe(conflicts[0]!.figures[1]);
    expect((await memory.usage()).figures).toBe(2);
  });

  it('conflictsFor looks up without keeping anything', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    const ambassador = ambassadorPage();
    await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text });
    const before = await memory.usage();
    const { conflicts } = await memory.conflictsFor(ambassador.report, { url: ambassador.report.source, text: ambassador.text });
    expect(conflicts).toHaveLength(1);
    expect(await memory.usage()).toEqual(before);
  });

  it('keeps nothing from a page that is not an article', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const israel = israelPage();
    israel.report.isArticle = false;
    await memory.recordPage(israel.report, { url: israel.report.source });
    expect((await memory.usage()).figures).toBe(0);
  });
});

describe('FigureMemory: rescans', () => {
  const variants = [
    'https://testwire.example/world/russian-count',
    'https://testwire.example/world/russian-count/',
    'http://www.testwire.example/world/russian-count',
    'https://testwire.example/world/russian-count?utm_source=twitter&utm_medium=social&fbclid=IwAR0abc',
    'https://testwire.example/world/russian-count?gclid=xyz#comments',
    'https://testwire.example/world/russian-count/amp',
    'https://testwire.example/world/russian-count?amp=1',
    'https://amp.testwire.example/world/russian-count',
    'https://testwire-example.cdn.ampproject.org/c/s/testwire.example/world/russian-count',
  ];

  it('keeps one copy of an article read under every form of its address, with no conflict with itself', async () => {
    const memory = new FigureMemory(new MemoryPort());
    for (const [index, url] of variants.entries()) {
      const page = israelPage(url);
      // Each read differs a little (a live counter, an edited headline), so only the address
      // can tell that it is the same article.
      page.report.title += ` (update ${index})`;
      const { conflicts } = await memory.recordPage(page.report, { url, text: `${page.text} Updated ${index}.` });
      expect(conflicts).toEqual([]);
    }
    expect(await memory.usage()).toMatchObject({ figures: 1, pages: 1 });
  });

  it('replaces the figures of an article that changed since it was last read', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const first = israelPage();
    await memory.recordPage(first.report, { url: first.report.source, text: first.text });
    const updated = israelPage();
    updated.f.low = 24;
    updated.f.high = 24;
    updated.f.text = '24 Russian citizens were killed';
    updated.report.figures.push(figure({ text: 'four were reported missing', what: 'russian citizen|missing', low: 4, high: 4 }));
    const { conflicts } = await memory.recordPage(updated.report, { url: first.report.source + '?utm_campaign=x', text: first.text + ' Updated.' });
    expect(conflicts).toEqual([]);
    const kept = JSON.parse(await memory.exportJson()).figures as { text: string }[];
    expect(kept.map((k) => k.text).sort()).toEqual(['24 Russian citizens were killed', 'four were reported missing']);
  });

  it('drops figures an updated article no longer states', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const first = israelPage();
    first.report.figures.push(figure({ text: 'four were reported missing', what: 'russian citizen|missing', low: 4, high: 4 }));
    await memory.recordPage(first.report, { url: first.report.source, text: first.text });
    const second = israelPage();
    await memory.recordPage(second.report, { url: second.report.source, text: second.text });
    expect((await memory.usage()).figures).toBe(1);
  });

  it('recognises the same article text under an address it cannot canonicalise', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const a = israelPage('https://testwire.example/world/russian-count');
    const b = israelPage('https://testwire.example/story?id=991');
    b.f.low = 22;
    b.f.high = 22; // the same text read twice cannot disagree with itself; a changed reading replaces
    await memory.recordPage(a.report, { url: a.report.source, text: a.text });
    const { conflicts } = await memory.recordPage(b.report, { url: b.report.source, text: a.text });
    expect(conflicts).toEqual([]);
    expect(await memory.usage()).toMatchObject({ figures: 1, pages: 1 });
  });

  it('recognises an article of the same site by its headline under another address', async () => {
    const memory = new FigureMemory(new MemoryPort());
    const a = israelPage('https://testwire.example/world/russian-count');
    const b = israelPage('https://testwire.example/print/4412');
    b.f.low = 22;
    b.f.high = 22;
    await memory.recordPage(a.report, { url: a.report.source, text: a.text });
    const { conflicts } = await memory.recordPage(b.report, { url: b.report.source, text: a.text + ' Print edition.' });
    expect(conflicts).toEqual([]);
    expect((await memory.usage()).pages).toBe(1);
  });
});

describe('FigureMemory: order of reading', () => {
  // Contexts as the figure reader gives them: the constructed page names the attack, the
  // longer article's sentence only says who spoke and when.
  function pages() {
    const israel = israelPage();
    israel.f.context = ['attack', 'hamas'];
    const meduza = ambassadorPage('https://meduza.example/news/hamas-delegation');
    meduza.f.context = [];
    meduza.f.sentence = 'On October 20, Anatoly Viktorov said that 20 of its citizens were killed, and seven missing.';
    return { israel, meduza };
  }

  it.each([['the ministry page first', false], ['the article first', true]])('finds the conflict reading %s', async (_name, reverse) => {
    const { israel, meduza } = pages();
    const order = reverse ? [meduza, israel] : [israel, meduza];
    const memory = new FigureMemory(new MemoryPort());
    await memory.recordPage(order[0]!.report, { url: order[0]!.report.source, text: order[0]!.text });
    const { conflicts } = await memory.recordPage(order[1]!.report, { url: order[1]!.report.source, text: order[1]!.text });
    expect(conflicts).toHaveLength(1);
  });
});

it('keeps the figure reader\'s context as it gave it, so the shared rule reads kept figures as page figures', async () => {
  const memory = new FigureMemory(new MemoryPort());
  const israel = israelPage();
  israel.f.context = ['attack', 'hamas'];
  await memory.recordPage(israel.report, { url: israel.report.source, text: israel.text });
  expect(JSON.parse(await memory.exportJson()).figures[0].context).toEqual(['attack', 'hamas']);
});
