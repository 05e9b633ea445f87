// The one place the glue gets its `browser` namespace from: webextension-polyfill gives
// Chrome the promise-based `browser.*` API that Firefox has natively.
import browser from 'webextension-polyfill';

export default browser;
