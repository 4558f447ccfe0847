// The API token lives in sessionStorage: it survives reloads of the tab, not the closing of the browser.
const KEY = 'rolesync.apiToken';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}
