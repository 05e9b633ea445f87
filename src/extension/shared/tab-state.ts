// Where the background keeps each tab's page state in storage.session (the popup reads it when
// the tab's content script cannot answer).
export const tabStateKey = (tabId: number): string => `tab:${tabId}`;
