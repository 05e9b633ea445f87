// The fresh Firefox profile for one test session: prefs that let Marionette pick a free port,
// fix the add-on's moz-extension:// host, grant MV3 host permissions at install, and stop
// Firefox's own network traffic (so the request log shows only what pages and the add-on ask).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The moz-extension:// host of the add-on under test, fixed so URLs are known before install. */
export const FIREFOX_EXTENSION_UUID = '5c2a8f3e-7d41-4b9a-9e6f-0c1d2b3a4e5f';

/** Prefs that send every request except to localhost through the proxy at "host:port". */
export function proxyPrefs(proxy: string): Record<string, string | number | boolean> {
  const [host = '127.0.0.1', port = '0'] = proxy.split(':');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': host,
    'network.proxy.http_port': Number(port),
    'network.proxy.ssl': host,
    'network.proxy.ssl_port': Number(port),
    'network.proxy.share_proxy_settings': true,
    // Loopback stays direct (Firefox's default), so the test pages load from the server itself.
    'network.proxy.allow_hijacking_localhost': false,
    'network.proxy.no_proxies_on': '',
  };
}

export function firefoxPrefs(addonId: string): Record<string, string | number | boolean> {
  return {
    // Marionette picks a free port and writes it to <profile>/MarionetteActivePort.
    'marionette.port': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
    // MV3 host permissions are opt-in in Firefox: without a grant the content script does not
    // run on the test pages. This pref makes Extension.sys.mjs grant the manifest's origins on
    // ADDON_INSTALL, which a temporary install is (the harness checks the grant after install).
    'extensions.originControls.grantByDefault': true,
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.enabledScopes': 5,
    'extensions.installDistroAddons': false,
    // No updates of the app, add-ons, search engines or system add-ons.
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.getAddons.discovery.api_url': 'data:, ',
    'extensions.systemAddon.update.enabled': false,
    'extensions.blocklist.enabled': false,
    'browser.search.update': false,
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    // No telemetry, health report, pings or studies.
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': 'data:,',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.policy.dataSubmissionPolicyBypassNotification': true,
    'datareporting.usage.uploadEnabled': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'browser.ping-centre.telemetry': false,
    'browser.discovery.enabled': false,
    // No safe browsing lists, captive portal or connectivity checks, remote settings, push.
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'security.remote_settings.intermediates.enabled': false,
    'security.remote_settings.crlite_filters.enabled': false,
    'dom.push.connection.enabled': false,
    // No media plug-in (OpenH264, Widevine) downloads or their update checks.
    'media.gmp-manager.url': 'data:,',
    'media.gmp-manager.updateEnabled': false,
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-gmpopenh264.autoupdate': false,
    'media.gmp-widevinecdm.enabled': false,
    'media.gmp-widevinecdm.autoupdate': false,
    'media.gmp-provider.enabled': false,
    'extensions.systemAddon.update.url': 'data:,',
    'app.update.url': 'data:,',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'identity.fxaccounts.enabled': false,
    'geo.provider.network.url': '',
    'network.sntp.pools': '',
    // No speculative connections or prefetching.
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'network.predictor.enabled': false,
    // Quiet start: no first-run pages, new-tab feeds, default-browser check or ML features.
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'startup.homepage_welcome_url.additional': '',
    'browser.newtabpage.enabled': false,
    'browser.newtab.preload': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.section.topstories': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
    'browser.topsites.contile.enabled': false,
    'browser.urlbar.suggest.searches': false,
    'browser.urlbar.merino.endpointURL': '',
    'browser.shell.checkDefaultBrowser': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'browser.contentblocking.introCount': 99,
    'browser.aboutwelcome.enabled': false,
    'browser.sessionstore.resume_from_crash': false,
    'browser.tabs.warnOnClose': false,
    'toolkit.startup.max_resumed_crashes': -1,
    'datareporting.policy.firstRunURL': '',
    'termsofuse.bypassNotification': true,
  };
}

/**
 * Prefs that make the storage quota small: the temporary storage's whole limit, in KB (an
 * origin's group may use all of it when it is this small). Binds every origin of the default
 * and temporary repositories, the add-on's moz-extension:// origin included (it asks for no
 * unlimitedStorage, so it is not persistent).
 */
export function quotaPrefs(bytes: number): Record<string, number> {
  return { 'dom.quotaManager.temporaryStorage.fixedLimit': Math.max(1, Math.ceil(bytes / 1024)) };
}

function userJs(prefs: Record<string, string | number | boolean>): string {
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/** Creates a fresh profile directory with user.js; returns its path. */
export async function createFirefoxProfile(
  addonId: string,
  proxy?: string,
  extraPrefs: Record<string, string | number | boolean> = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'caveat-firefox-'));
  const prefs = { ...firefoxPrefs(addonId), ...(proxy ? proxyPrefs(proxy) : {}), ...extraPrefs };
  await writeFile(join(dir, 'user.js'), userJs(prefs) + '\n');
  return dir;
}
