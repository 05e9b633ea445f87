import { describe, expect, it } from 'vitest';
import { defaultSettings, enabledKinds, normalizeSettings } from '../../src/extension/shared/settings';

describe('settings read back from storage', () => {
  it('are the defaults when nothing (or junk) is stored', () => {
    expect(normalizeSettings(undefined)).toEqual(defaultSettings());
    expect(normalizeSettings('kinds')).toEqual(defaultSettings());
    expect(enabledKinds(normalizeSettings(null))).toEqual(['unverified', 'hedge', 'vague-source', 'omission']);
  });

  it('keep valid choices and drop invalid ones', () => {
    const settings = normalizeSettings({
      kinds: { hedge: false, omission: 'no', bogus: false },
      skipSites: ['https://www.Example.com/path', 'not a host!', 42, 'example.com'],
      extraCues: [
        { phrase: '  insiders   say ', kind: 'vague-source' },
        { phrase: 'Insiders say', kind: 'vague-source' },
        { phrase: 'x', kind: 'hedge' },
        { phrase: 'rumour has it', kind: 'gossip' },
        { phrase: 'rumour has it', kind: 'hedge' },
      ],
    });
    expect(settings.kinds).toEqual({ unverified: true, hedge: false, 'vague-source': true, omission: true });
    expect(enabledKinds(settings)).toEqual(['unverified', 'vague-source', 'omission']);
    expect(settings.skipSites).toEqual(['example.com']);
    expect(settings.extraCues).toEqual([
      { phrase: 'insiders say', kind: 'vague-source' },
      { phrase: 'rumour has it', kind: 'hedge' },
    ]);
  });
});
