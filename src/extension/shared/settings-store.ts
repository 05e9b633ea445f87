import browser from './browser';
import { SETTINGS_KEY, normalizeSettings, type Settings } from './settings';

// Reading and writing the settings in storage.local (the options page is the only writer; every
// tab's content script listens for the change and rescans).

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

export async function writeSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}
