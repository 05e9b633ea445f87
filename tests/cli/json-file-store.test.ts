import { mkdtemp, readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonFileStore, JsonFileStoreError, openCliFigureMemory } from '../../src/cli/json-file-store';
import { FigureMemory } from '../../src/engine/store/figure-memory';
import { describePortContract, keptRecord } from '../engine/store/port-contract';
import { ambassadorPage, israelPage } from '../engine/store/helpers';

const madeDirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'caveat-store-'));
  madeDirs.push(dir);
  return dir;
}

// Each run would otherwise leave dozens of store folders behind in the system temp dir.
afterAll(() => Promise.all(madeDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describePortContract('JSON-file', async () => JsonFileStore.open(join(await tempDir(), 'store.json')));

describe('JsonFileStore', () => {
  it('keeps figures across runs: a second open finds what the first wrote', async () => {
    const path = join(await tempDir(), 'store.json');
    const first = new FigureMemory(await JsonFileStore.open(path));
    const israel = israelPage();
    await first.recordPage(israel.report, { url: israel.report.source, text: israel.text });

    const second = new FigureMemory(await JsonFileStore.open(path));
    const ambassador = ambassadorPage();
    const { conflicts } = await second.recordPage(ambassador.report, { url: ambassador.report.source, text: ambassador.text });
    expect(conflicts).toHaveLength(1);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'caveat-figure-memory', schemaVersion: 2 });
  });

  it('starts empty when the file does not exist yet, and creates it on the first write', async () => {
    const path = join(await tempDir(), 'new.json');
    const store = await JsonFileStore.open(path);
    expect(await store.countAll()).toBe(0);
    await store.write({ put: [keptRecord({ id: 'a' })] });
    expect(JSON.parse(await readFile(path, 'utf8')).figures).toHaveLength(1);
  });

  it.each([
    ['is not JSON', '{"format": "caveat-figure-memory", "figures": ['],
    ['is another JSON document', '{"name": "package"}'],
    ['is empty', ''],
    ['holds a bad record', JSON.stringify({ format: 'caveat-figure-memory', schemaVersion: 2, exportedAt: '2024-01-01T00:00:00Z', figures: [{ id: 'x' }] })],
  ])('refuses a store file that %s with a clear error and leaves it untouched', async (_name, content) => {
    const dir = await tempDir();
    const path = join(dir, 'store.json');
    await writeFile(path, content);
    const error = await JsonFileStore.open(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonFileStoreError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('left untouched');
    expect(await readFile(path, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['store.json']);
  });

  it('refuses a path it cannot read as a file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'store.json'));
    await expect(JsonFileStore.open(join(dir, 'store.json'))).rejects.toThrow(/cannot read the figure store/);
  });

  it('writes atomically and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.json');
    const store = await JsonFileStore.open(path);
    for (let i = 0; i < 5; i++) await store.write({ put: [keptRecord({ id: `r${i}` })] });
    expect(await readdir(dir)).toEqual(['store.json']);
    expect(JSON.parse(await readFile(path, 'utf8')).figures).toHaveLength(5);
  });

  it('with autoFlush off, writes only on flush', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.json');
    const store = await JsonFileStore.open(path, { autoFlush: false });
    await store.write({ put: [keptRecord({ id: 'a' })] });
    expect(await readdir(dir)).toEqual([]);
    await store.flush();
    expect(JSON.parse(await readFile(path, 'utf8')).figures).toHaveLength(1);
  });

  it('reads a v1 store file and writes it back as v2', async () => {
    const path = join(await tempDir(), 'store.json');
    const { unit: _unit, number: _number, ...v1 } = keptRecord({ id: 'old', what: 'percent|inflation', text: 'inflation of 3.2 percent' });
    await writeFile(path, JSON.stringify({ format: 'caveat-figure-memory', schemaVersion: 1, exportedAt: '2024-01-01T00:00:00Z', figures: [v1] }));
    const store = await JsonFileStore.open(path);
    const [record] = await store.readAll();
    expect(record).toMatchObject({ id: 'old', unit: 'percent', number: '3.2' });
    await store.write({ put: [keptRecord({ id: 'new' })] });
    const written = JSON.parse(await readFile(path, 'utf8'));
    expect(written.schemaVersion).toBe(2);
    expect(written.figures.find((f: { id: string }) => f.id === 'old')).toMatchObject({ unit: 'percent' });
  });

  it('openCliFigureMemory writes the --store file once, on close', async () => {
    const dir = await tempDir();
    const path = join(dir, 'store.json');
    const { memory, close } = await openCliFigureMemory(path);
    const israel = israelPage();
    await memory.recordPage(israel.report, { url: israel.report.source });
    expect(await readdir(dir)).toEqual([]);
    await close();
    expect(JSON.parse(await readFile(path, 'utf8')).figures).toHaveLength(1);
    const inMemory = await openCliFigureMemory(null);
    expect((await inMemory.memory.usage()).figures).toBe(0);
  });

  it('reopened, still knows which figures are oldest, per site and in all', async () => {
    const path = join(await tempDir(), 'store.json');
    const first = await JsonFileStore.open(path);
    await first.write({
      put: [
        keptRecord({ id: 'c', site: 's1', seenAt: '2024-03-01T00:00:00.000Z' }),
        keptRecord({ id: 'a', site: 's1', seenAt: '2024-01-01T00:00:00.000Z' }),
        keptRecord({ id: 'b', site: 's2', seenAt: '2024-02-01T00:00:00.000Z' }),
      ],
    });
    const reopened = await JsonFileStore.open(path);
    expect(await reopened.oldestIds(3)).toEqual(['a', 'b', 'c']);
    expect(await reopened.oldestIds(3, 's1')).toEqual(['a', 'c']);
    expect(await reopened.usage()).toMatchObject({ figures: 3, pages: 1 });
  });
});
