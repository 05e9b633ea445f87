// Where the harness finds the builds, the shared fixtures and where it writes screenshots.
// Resolved from this file so the tests work from any working directory.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const PROJECT_ROOT = resolve(here, '../../..');
/** Other people's fixture pages: read in place, never copied into the project. */
export const FIXTURES_DIR = resolve(PROJECT_ROOT, '../shared/fixtures');
/** Pages written for these tests. */
export const PAGES_DIR = resolve(here, '../pages');
/** Screenshots to look at (git-ignored). */
export const ARTIFACTS_DIR = resolve(here, '../artifacts');

/**
 * The builds under test: dist/ by default; CAVEAT_DIST points the suite at another pair of
 * builds (e.g. a deliberately broken copy, to check that the tests fail).
 */
const DIST_DIR = resolve(PROJECT_ROOT, process.env.CAVEAT_DIST ?? 'dist');
export const CHROME_BUILD_DIR = resolve(DIST_DIR, 'chrome');
export const FIREFOX_BUILD_DIR = resolve(DIST_DIR, 'firefox');

export const CHROMIUM_BINARY = process.env.CAVEAT_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const FIREFOX_BINARY = process.env.CAVEAT_FIREFOX ?? 'firefox-esr';
