import { FLAG_KINDS, type ExtraCue, type FlagKind } from '../../engine/types';
import { normalizeSitePattern } from './site-skip';

// The user's settings, kept in storage.local under one key. Anything read back from storage
// is treated as untrusted (an older version, a hand edit, another extension's bug):
// normalizeSettings always returns a complete, valid object.

export const SETTINGS_KEY = 'settings';
/**
 * Also in storage.local (and storage.session), beside the settings: the figure memory's
 * storage-full note (one small object, replaced on each write), kept there because IndexedDB
 * may have no room for it (see shared/storage-full-note.ts).
 */
export const STORAGE_FULL_NOTE_KEY = 'storageFullNote';

export interface Settings {
  kinds: Record<FlagKind, boolean>;
  skipSites: string[];
  extraCues: ExtraCue[];
}

export function defaultSettings(): Settings {
  return {
    kinds: { unverified: true, hedge: true, 'vague-source': true, omission: true },
    skipSites: [],
    extraCues: [],
  };
}

const MAX_CUE_LENGTH = 80;
const MAX_EXTRA_CUES = 200;
const MAX_SKIP_SITES = 500;

function isFlagKind(value: unknown): value is FlagKind {
  return typeof value === 'string' && (FLAG_KINDS as readonly string[]).includes(value);
}

/** A cue phrase as the lexicon wants it: single-spaced, trimmed; null when unusable. */
export function normalizeCuePhrase(phrase: string): string | null {
  const clean = phrase.replace(/\s+/g, ' ').trim();
  if (clean.length < 2 || clean.length > MAX_CUE_LENGTH) return null;
  return clean;
}

/** Settings read from storage (or anywhere) merged over the defaults, invalid parts dropped. */
export function normalizeSettings(raw: unknown): Settings {
  const settings = defaultSettings();
  if (!raw || typeof raw !== 'object') return settings;
  const input = raw as Record<string, unknown>;

  if (input.kinds && typeof input.kinds === 'object') {
    const kinds = input.kinds as Record<string, unknown>;
    for (const kind of FLAG_KINDS) {
      if (typeof kinds[kind] === 'boolean') settings.kinds[kind] = kinds[kind] as boolean;
    }
  }

  if (Array.isArray(input.skipSites)) {
    const seen = new Set<string>();
    for (const entry of input.skipSites) {
      if (typeof entry !== 'string') continue;
      const pattern = normalizeSitePattern(entry);
      if (pattern && !seen.has(pattern) && seen.size < MAX_SKIP_SITES) seen.add(pattern);
    }
    settings.skipSites = [...seen];
  }

  if (Array.isArray(input.extraCues)) {
    const seen = new Set<string>();
    for (const entry of input.extraCues) {
      if (!entry || typeof entry !== 'object') continue;
      const { phrase, kind } = entry as Record<string, unknown>;
      if (typeof phrase !== 'string' || !isFlagKind(kind)) continue;
      const clean = normalizeCuePhrase(phrase);
      const key = `${kind}|${clean?.toLowerCase()}`;
      if (!clean || seen.has(key) || seen.size >= MAX_EXTRA_CUES) continue;
      seen.add(key);
      settings.extraCues.push({ phrase: clean, kind });
    }
  }
  return settings;
}

/** The kinds the scanner should report, in the canonical order. */
export function enabledKinds(settings: Settings): FlagKind[] {
  return FLAG_KINDS.filter((kind) => settings.kinds[kind]);
}
