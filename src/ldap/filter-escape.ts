import { Filter } from 'ldapts';

/**
 * Escapes a value for an RFC 4515 filter assertion: `*`, `(`, `)`, `\` and NUL become `\2a`, `\28`,
 * `\29`, `\5c`, `\00`; other text (also non-ASCII) is kept. A Buffer (e.g. an objectGUID) is escaped
 * byte by byte as `\xx`. parseFilter turns such bytes back into the exact value on the wire.
 */
export function escapeFilterValue(value: string | Buffer): string {
  return Filter.escape(value);
}
