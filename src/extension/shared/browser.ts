// Where the background, popup and options pages get their `browser` namespace: webextension-
// polyfill gives Chrome the promise-based `browser.*` API that Firefox has natively. The content
// script, which runs on every page, has its own small adapter instead (content/ext.ts).
import browser from 'webextension-polyfill';

export default browser;
