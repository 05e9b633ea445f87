// The harness installs a copy of the build with one extra, empty page: the probe. The probe is
// an extension page of the extension under test, so it can call browser.action.getBadgeText,
// browser.tabs.query and browser.storage in both browsers even while the background is stopped,
// without opening the popup or the options page (whose behaviour is what the tests check).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROBE_PAGE = 'caveat-test-probe.html';

const PROBE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>caveat test probe</title></head><body></body></html>
`;

export interface ExtensionCopy {
  dir: string;
  remove(): Promise<void>;
}

export async function copyExtensionWithProbe(sourceDir: string): Promise<ExtensionCopy> {
  const parent = await mkdtemp(join(tmpdir(), 'caveat-ext-'));
  const dir = join(parent, 'extension');
  await cp(sourceDir, dir, { recursive: true });
  await writeFile(join(dir, PROBE_PAGE), PROBE_HTML);
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}
