// The cross-page eval's scoring, on three tiny pages of our own (never the shared fixtures):
// two pages of one story that disagree, and a page of another story with the same key.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCrossPages } from '../../../src/tools/eval-cross';

function page(title: string, date: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>
<meta property="article:published_time" content="${date}"></head><body><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

const figure = (text: string, sentence: string, low: number, attributedTo: string) => ({ text, sentence, low, high: low, what: 'person|killed', attributedTo });

async function fixtures(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'caveat-cross-'));
  const ferry = 'Officials in Dhaka said 41 people were killed when the Meghna ferry capsized near Chandpur.';
  const ferry2 = 'The Bangladesh coast guard in Chandpur said 47 people were killed when the Meghna ferry capsized.';
  const quake = 'Authorities in Izmir said 12 people were killed when the earthquake struck the Aegean coast of Turkey.';
  await writeFile(join(dir, 'a-ferry.html'), page('Meghna ferry disaster: Dhaka counts the dead', '2024-03-01T00:00:00Z', [ferry, 'Rescuers from Dhaka and Chandpur searched the Meghna river for survivors of the ferry.']));
  await writeFile(join(dir, 'b-ferry.html'), page('Chandpur ferry capsizes on the Meghna, Bangladesh coast guard says', '2024-03-02T00:00:00Z', [ferry2, 'Divers from Dhaka joined the Bangladesh coast guard on the Meghna near Chandpur.']));
  await writeFile(join(dir, 'c-quake.html'), page('Earthquake in Izmir shakes the Aegean coast of Turkey', '2024-03-02T00:00:00Z', [quake, 'Rescue teams from Ankara reached Izmir and the Aegean villages overnight.']));
  await writeFile(join(dir, 'a-ferry.gold.json'), JSON.stringify({ figures: [figure('41 people were killed', ferry, 41, 'Officials in Dhaka')] }));
  await writeFile(join(dir, 'b-ferry.gold.json'), JSON.stringify({ figures: [figure('47 people were killed', ferry2, 47, 'The Bangladesh coast guard')] }));
  await writeFile(join(dir, 'c-quake.gold.json'), JSON.stringify({ figures: [figure('12 people were killed', quake, 12, 'Authorities in Izmir')] }));
  await writeFile(join(dir, 'stories.json'), JSON.stringify({ ferry: ['a-ferry', 'b-ferry'] }));
  await writeFile(
    join(dir, 'cross-pages.gold.json'),
    JSON.stringify({
      conflicts: [{ a: { page: 'a-ferry', text: '41 people were killed' }, b: { page: 'b-ferry', text: '47 people were killed' } }],
      not_conflicts: [{ a: { page: 'a-ferry', text: '41 people were killed' }, b: { page: 'c-quake', text: '12 people were killed' } }],
    }),
  );
  return dir;
}

describe('evaluateCrossPages', () => {
  it('finds the conflict of one story, none across stories, and scores them', async () => {
    const result = await evaluateCrossPages({ fixturesDir: await fixtures() });
    expect(result.order).toEqual(['a-ferry', 'b-ferry', 'c-quake']);
    const gold = result.runs.find((run) => run.figuresFrom === 'gold')!;
    expect(gold).toMatchObject({ goldConflicts: 1, goldFound: 1, recall: 1, falseBetweenStories: 0, notConflicts: 1, notConflictsRespected: 1 });
    expect(gold.falseConflicts).toEqual([]);
    // All three share the key "person|killed" and conflict on value: only the story test kept the quake apart.
    expect(gold.keyAndValueOnly).toEqual({ pairs: 3, betweenStories: 2 });
    expect(result.storyPairs).toMatchObject({ sameStoryPairs: 1, sameStoryTied: 1, differentStoryPairs: 2, differentStoryKeptApart: 2 });
    const stress = result.runs.find((run) => run.figuresFrom === 'gold-one-key')!;
    expect(stress.falseBetweenStories).toBe(0);
  }, 60_000);
});
