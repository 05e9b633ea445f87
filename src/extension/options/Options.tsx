import { useEffect, useRef, useState } from 'preact/hooks';
import { FLAG_KINDS, type FlagKind } from '../../engine/types';
import browser from '../shared/browser';
import { KIND_INFO } from '../shared/kinds';
import { MAX_IMPORT_CHARS, MAX_IMPORT_FILE_BYTES, STORE_CHANGED_KEY, STORE_WRITTEN_KEY, type StoreRequest, type StoreResponse, type StoreUsage } from '../shared/messages';
import { STORAGE_FULL_NOTE_KEY, normalizeCuePhrase, type Settings } from '../shared/settings';
import { laterStorageFullNote, type StorageFullNote } from '../../engine/store/port';
import { readStorageFullNote } from '../shared/storage-full-note';
import { readSettings, writeSettings } from '../shared/settings-store';
import { parseSitePatterns } from '../shared/site-skip';
import { describeStorageFull, describeUsage } from './usage';

// The options page: which kinds to flag, sites to skip, extra cue phrases, and the kept
// figures (export, import, clear). Settings are saved as they change and reach open tabs at
// once (their content scripts listen to storage.onChanged).

type Status = { text: string; error: boolean } | null;

/**
 * How long the page waits for the background's answer before saying it got none. An import
 * of the largest allowed file into IndexedDB takes seconds, not minutes.
 */
export const STORE_ANSWER_TIMEOUT_MS = 120_000;

/** The background's answer, or an error answer: never throws, never waits forever. */
async function askStore(request: StoreRequest): Promise<StoreResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<StoreResponse>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `The background did not answer within ${STORE_ANSWER_TIMEOUT_MS / 1000} seconds.` }),
      STORE_ANSWER_TIMEOUT_MS,
    );
  });
  const asked = (async (): Promise<StoreResponse> => {
    try {
      const answer = (await browser.runtime.sendMessage(request)) as StoreResponse | undefined;
      return answer ?? { ok: false, error: 'The background did not answer.' };
    } catch (error) {
      return { ok: false, error: `The background could not be asked: ${error instanceof Error ? error.message : String(error)}` };
    }
  })();
  try {
    return await Promise.race([asked, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Megabytes, one decimal under 10. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
}

/** Why a file cannot be imported before reading it, or null. */
export function importFileProblem(size: number): string | null {
  if (size <= MAX_IMPORT_FILE_BYTES) return null;
  return `Not imported: file too large: ${megabytes(size)} MB, the limit is ${megabytes(MAX_IMPORT_FILE_BYTES)} MB. Nothing was changed.`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sitesText, setSitesText] = useState('');
  const [saved, setSaved] = useState(false);
  const sitesTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void readSettings().then((s) => {
      setSettings(s);
      setSitesText(s.skipSites.join('\n'));
    });
  }, []);

  const save = async (next: Settings) => {
    setSettings(await writeSettings(next));
    setSaved(true);
  };

  if (!settings) return <div class="page" />;

  return (
    <div class="page">
      <div class="brand">
        <img src="/icons/icon-32.png" alt="" />
        <h1>Caveat options</h1>
        {saved && <span class="saved">Saved · open tabs updated</span>}
      </div>
      <p class="lead">Caveat reads articles in your browser only. Nothing you read, and nothing kept here, leaves your computer.</p>

      <section class="card">
        <h2>What to mark</h2>
        <p class="help">Turn off a kind of flag to hide its marks on every page.</p>
        <div class="kinds">
          {FLAG_KINDS.map((kind) => (
            <label class={`kind k-${kind}`} key={kind}>
              <input
                type="checkbox"
                data-testid={`kind-toggle-${kind}`}
                checked={settings.kinds[kind]}
                onChange={(e) => void save({ ...settings, kinds: { ...settings.kinds, [kind]: e.currentTarget.checked } })}
              />
              <span class="name">
                <span class="swatch" aria-hidden="true" /> {KIND_INFO[kind].label}
              </span>
              <span class="what">{KIND_INFO[kind].explanation}</span>
            </label>
          ))}
        </div>
      </section>

      <section class="card">
        <h2>Sites to skip</h2>
        <p class="help">
          One site per line, e.g. <code>example.com</code> (its subdomains are skipped too). Caveat does not read pages of these sites.
        </p>
        <label class="visually-hidden" for="skip-sites">Sites to skip</label>
        <textarea
          id="skip-sites"
          data-testid="skip-sites"
          spellcheck={false}
          placeholder="example.com"
          value={sitesText}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setSitesText(text);
            // Saved a moment after typing stops (and at once on leaving the box).
            clearTimeout(sitesTimer.current);
            sitesTimer.current = setTimeout(() => void save({ ...settings, skipSites: parseSitePatterns(text) }), 500);
          }}
          onChange={(e) => {
            clearTimeout(sitesTimer.current);
            void save({ ...settings, skipSites: parseSitePatterns(e.currentTarget.value) });
          }}
        />
      </section>

      <ExtraCues settings={settings} save={save} />
      <KeptFigures />
    </div>
  );
}

function ExtraCues({ settings, save }: { settings: Settings; save: (s: Settings) => Promise<void> }) {
  const [phrase, setPhrase] = useState('');
  const [kind, setKind] = useState<FlagKind>('hedge');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const clean = normalizeCuePhrase(phrase);
    if (!clean) return setProblem('A cue phrase is 2 to 80 characters.');
    if (settings.extraCues.some((c) => c.kind === kind && c.phrase.toLowerCase() === clean.toLowerCase())) {
      return setProblem('That phrase is already on the list.');
    }
    setProblem(null);
    setPhrase('');
    void save({ ...settings, extraCues: [...settings.extraCues, { phrase: clean, kind }] });
  };

  return (
    <section class="card" data-testid="extra-cues">
      <h2>Extra cue phrases</h2>
      <p class="help">Words that should raise a flag on top of Caveat’s own, e.g. “unnamed officials”. Used on open pages at once.</p>
      <form class="row" onSubmit={add}>
        <label class="visually-hidden" for="cue-phrase">Phrase</label>
        <input id="cue-phrase" name="phrase" type="text" placeholder="a phrase, e.g. insiders say" value={phrase} onInput={(e) => setPhrase(e.currentTarget.value)} />
        <label class="visually-hidden" for="cue-kind">Kind</label>
        <select id="cue-kind" name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as FlagKind)}>
          {FLAG_KINDS.map((k) => (
            <option value={k} key={k}>
              {KIND_INFO[k].label}
            </option>
          ))}
        </select>
        <button class="button primary" type="submit" data-testid="extra-cue-add">
          Add
        </button>
      </form>
      {problem && <p class="status error">{problem}</p>}
      {settings.extraCues.length > 0 && (
        <ul class="cues">
          {settings.extraCues.map((cue, i) => (
            <li class={`k-${cue.kind}`} key={`${cue.kind}|${cue.phrase}`} data-testid="extra-cue" title={KIND_INFO[cue.kind].label}>
              {cue.phrase}
              <button
                type="button"
                aria-label={`Remove ${cue.phrase}`}
                onClick={() => void save({ ...settings, extraCues: settings.extraCues.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function KeptFigures() {
  const [usage, setUsage] = useState<StoreUsage | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  // The storage-full note as kept outside IndexedDB too (storage.local and storage.session): shown even when the background cannot
  // open the figure memory (no room at all), and the later of the two when both have one.
  const [keptNote, setKeptNote] = useState<StorageFullNote | null>(null);
  const readKeptNote = () => void readStorageFullNote().then(setKeptNote, () => undefined);

  const run = async (request: StoreRequest, done: (r: Extract<StoreResponse, { ok: true }>) => string) => {
    const answer = await askStore(request);
    readKeptNote();
    if (!answer.ok) return setStatus({ text: answer.error, error: true });
    setUsage(answer.usage);
    setStatus({ text: done(answer), error: false });
  };

  const readUsage = () =>
    void askStore({ type: 'caveat/store-usage' }).then((a) => (a.ok ? setUsage(a.usage) : setStatus({ text: a.error, error: true })));

  useEffect(() => {
    readKeptNote();
    readUsage();
    // The page may stay open while pages are read: figures kept from a page read since, a
    // storage-full note written later (a page's figures evicted others or were not kept), a
    // clear or an import from elsewhere, must show here without a reload.
    const onChanged = (changes: Record<string, unknown>) => {
      if (!(STORAGE_FULL_NOTE_KEY in changes) && !(STORE_CHANGED_KEY in changes) && !(STORE_WRITTEN_KEY in changes)) return;
      readKeptNote();
      readUsage();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const storageFull = laterStorageFullNote(usage?.storageFull, keptNote);

  const exportFile = () =>
    run({ type: 'caveat/store-export' }, (answer) => {
      const blob = new Blob([answer.json ?? ''], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `caveat-figures-${today()}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return `Exported ${describeUsage(answer.usage)}.`;
    });

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      // Checked before reading: the background ignores a request over MAX_IMPORT_CHARS, and
      // reading a huge file into memory is itself the harm.
      const tooLarge = importFileProblem(file.size);
      if (tooLarge) return setStatus({ text: tooLarge, error: true });
      let json: string;
      try {
        json = await file.text();
      } catch (error) {
        return setStatus({ text: `Could not read “${file.name}”: ${error instanceof Error ? error.message : String(error)}`, error: true });
      }
      if (json.length > MAX_IMPORT_CHARS) {
        return setStatus({ text: `Not imported: file too large: ${json.length} characters, the limit is ${MAX_IMPORT_CHARS}. Nothing was changed.`, error: true });
      }
      await run({ type: 'caveat/store-import', json }, (answer) => `Imported “${file.name}”. Now keeping ${describeUsage(answer.usage)}.`);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const clearAll = () =>
    run({ type: 'caveat/store-clear' }, () => {
      setConfirming(false);
      return 'Every kept figure was deleted.';
    });

  return (
    <section class="card">
      <h2>Kept figures</h2>
      <p class="help">
        Caveat keeps the figures of articles you read, so it can show when another page gives a different figure for the same thing.
      </p>
      <p class="usage" data-testid="usage">
        {usage ? <strong>{describeUsage(usage)}</strong> : 'Counting…'}
      </p>
      {storageFull && (
        <p class={`notice ${storageFull.notKept > 0 ? 'error' : ''}`} data-testid="storage-notice" role="note">
          {describeStorageFull(storageFull)}
        </p>
      )}
      <div class="row">
        <button class="button" type="button" data-testid="export" onClick={() => void exportFile()}>
          Export…
        </button>
        <label class="button file">
          Import…
          <input ref={fileInput} type="file" accept="application/json,.json" data-testid="import" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        </label>
        {confirming ? (
          <span class="confirm" role="alert">
            Delete every kept figure?
            <button class="button danger" type="button" data-testid="clear-confirm" onClick={() => void clearAll()}>
              Delete
            </button>
            <button class="button" type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button class="button danger" type="button" data-testid="clear" onClick={() => setConfirming(true)}>
            Clear…
          </button>
        )}
      </div>
      <p class={`status ${status?.error ? 'error' : ''}`} role="status">
        {status?.text}
      </p>
    </section>
  );
}
