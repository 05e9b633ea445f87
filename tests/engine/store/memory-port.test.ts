import { expect, it } from 'vitest';
import { MemoryPort } from '../../../src/engine/store/memory-port';
import { describeAtomicWrites, describePortContract, keptRecord } from './port-contract';

describePortContract('in-memory', async () => new MemoryPort());
describeAtomicWrites('in-memory', async () => new MemoryPort());

it('does not let a caller change a kept record through the object it wrote or read', async () => {
  const port = new MemoryPort();
  const record = keptRecord({ id: 'a' });
  await port.write({ put: [record] });
  record.low = 999;
  const [read] = await port.findByPage(record.pageKey);
  expect(read!.low).toBe(12);
  expect(() => {
    (read as { low: number | null }).low = 5;
  }).toThrow();
});
