import { describe, expect, it } from 'vitest';
import { parseScanArgs } from '../../src/cli/args';

describe('parseScanArgs', () => {
  it('takes files, URLs and options in any order', () => {
    expect(parseScanArgs(['a.html', '--json', 'https://x.test/', '--store', 'mem.json'])).toEqual({
      inputs: ['a.html', 'https://x.test/'], json: true, storeFile: 'mem.json', help: false,
    });
    expect(parseScanArgs(['--store=mem.json', 'a.txt']).storeFile).toBe('mem.json');
  });

  it('reads a file whose name starts with a dash after --', () => {
    expect(parseScanArgs(['--', '-odd.html']).inputs).toEqual(['-odd.html']);
  });

  it('refuses an unknown option, a --store without a file, and nothing to scan', () => {
    expect(() => parseScanArgs(['a.html', '--colour'])).toThrow('--colour: unknown option');
    expect(() => parseScanArgs(['a.html', '--store'])).toThrow('--store: needs a file name');
    expect(() => parseScanArgs(['--json'])).toThrow(/no file or URL to scan/);
  });
});
