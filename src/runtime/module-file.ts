import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A module's file from its `.js` URL: the `.js` in the built output, the `.ts` when running from source (tests). */
export function moduleFile(jsUrl: URL): string {
  const js = fileURLToPath(jsUrl);
  return existsSync(js) ? js : js.replace(/\.js$/, '.ts');
}
