// Entry point of the real-browser harness: one launcher per browser, so a test file can
// `describe.each(BROWSERS)` and run every flow in Chromium and Firefox ESR.
import { ChromiumSession } from './chromium';
import { FirefoxSession } from './firefox';
import type { BrowserName, BrowserSession, LaunchOptions } from './session';

export type { BrowserName, BrowserSession, CardContents, LaunchOptions, Point, Tab } from './session';
export { startFixtureServer, type FixtureServer, type RecordedRequest } from './server';
export { pollUntil } from './poll';

export interface BrowserLauncher {
  name: BrowserName;
  launch(options?: LaunchOptions): Promise<BrowserSession>;
}

export const BROWSERS: readonly BrowserLauncher[] = [
  { name: 'chromium', launch: (options) => ChromiumSession.launch(options) },
  { name: 'firefox', launch: (options) => FirefoxSession.launch(options) },
];
