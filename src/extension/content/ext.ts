import type { Browser, Runtime, Storage } from 'webextension-polyfill';

// The content script's few uses of the extension API, without webextension-polyfill. The
// polyfill's module touches the API namespace as it loads, and in Firefox the first touch is
// when the browser builds it for the page (measured: 18-26 ms, inside the task that loads this
// script on every page). Here nothing is touched until the first call, which the content
// script makes after giving the page its turn. What is left of the polyfill's work: Chrome's
// runtime.onMessage answers through sendResponse only, not through a returned promise.
//
// In both browsers these calls return promises natively (Chrome's MV3 `chrome.*` API does when
// no callback is passed), and the polyfill's types describe them.

function api(): Browser {
  const scope = globalThis as { browser?: Browser; chrome?: Browser };
  return scope.browser ?? scope.chrome!;
}

export function runtimeId(): string {
  return api().runtime.id;
}

export function sendMessage(message: unknown): Promise<unknown> {
  return api().runtime.sendMessage(message);
}

export function getFromStorage(key: string): Promise<Record<string, unknown>> {
  return api().storage.local.get(key);
}

/**
 * Listens for messages from the extension. `listener` returns the answer as a promise, or
 * undefined for a message it does not answer.
 */
export function onMessage(listener: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined): void {
  api().runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (answer: unknown) => void) => {
    const answer = listener(message, sender);
    if (!answer) return undefined;
    // `true` keeps the channel open for an answer sent later (Chrome needs it; Firefox takes it).
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  }) as Parameters<Browser['runtime']['onMessage']['addListener']>[0]);
}

export function onStorageChanged(listener: (changes: Record<string, Storage.StorageChange>, area: string) => void): void {
  api().storage.onChanged.addListener(listener);
}
