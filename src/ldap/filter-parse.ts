import {
  AndFilter,
  ApproximateFilter,
  EqualityFilter,
  ExtensibleFilter,
  type Filter,
  FilterParser,
  GreaterThanEqualsFilter,
  LessThanEqualsFilter,
  NotFilter,
  OrFilter,
  SubstringFilter,
} from 'ldapts';

import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an RFC 4515 filter string into the ldapts filter sent on the wire; throws INVALID_FILTER
 * with the parser's reason on bad syntax. A filter without outer parentheses is accepted (ldapts
 * wraps it).
 *
 * ldapts turns every `\xx` escape into the character U+00xx and then sends strings as UTF-8, which
 * corrupts escaped UTF-8 (`\c3\bc`) and binary values (objectGUID). So all non-ASCII text is first
 * escaped to its UTF-8 bytes, leaving one character per byte in the parsed values; the values are
 * then decoded back: valid UTF-8 becomes text, anything else a Buffer (equality filters only).
 */
export function parseFilter(filter: string): Filter {
  let parsed: Filter;
  try {
    checkParentheses(filter);
    parsed = FilterParser.parseString(escapeNonAscii(filter.trim()));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(ErrorCode.INVALID_FILTER, `Invalid LDAP filter "${filter}": ${reason}`, {
      cause: error,
    });
  }
  restoreValues(parsed, filter);
  return parsed;
}

/** Throws INVALID_FILTER when the filter does not parse; see parseFilter. */
export function validateFilter(filter: string): void {
  parseFilter(filter);
}

/**
 * ldapts accepts a filter whose closing parentheses are missing (`(&(cn=a)`), so count them first.
 * Values cannot hold a literal parenthesis (RFC 4515 escapes them as \28 and \29): every one counts.
 */
function checkParentheses(filter: string): void {
  let depth = 0;
  for (const [position, char] of Array.from(filter).entries()) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0) throw new Error(`Unbalanced parens: ')' at position ${position} closes nothing`);
  }
  if (depth > 0) throw new Error(`Unbalanced parens: ${depth} '(' never closed`);
}

function escapeNonAscii(filter: string): string {
  return filter.replace(/[\u0080-\u{10ffff}]/gu, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `\\${byte.toString(16)}`).join(''),
  );
}

function restoreValues(node: Filter, filter: string): void {
  if (node instanceof AndFilter || node instanceof OrFilter) {
    for (const child of node.filters) restoreValues(child, filter);
  } else if (node instanceof NotFilter) {
    restoreValues(node.filter, filter);
  } else if (node instanceof EqualityFilter) {
    node.value = typeof node.value === 'string' ? decodeBytes(node.value) : node.value;
  } else if (node instanceof SubstringFilter) {
    node.initial = decodeText(node.initial, filter);
    node.any = node.any.map((part) => decodeText(part, filter));
    node.final = decodeText(node.final, filter);
  } else if (
    node instanceof GreaterThanEqualsFilter ||
    node instanceof LessThanEqualsFilter ||
    node instanceof ApproximateFilter ||
    node instanceof ExtensibleFilter
  ) {
    node.value = decodeText(node.value, filter);
  }
}

/** One character per byte (as left by ldapts) back to text, or to a Buffer when not UTF-8. */
function decodeBytes(value: string): string | Buffer {
  const bytes = Buffer.from(value, 'latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

function decodeText(value: string, filter: string): string {
  const decoded = decodeBytes(value);
  if (typeof decoded === 'string') return decoded;
  throw new AppError(
    ErrorCode.INVALID_FILTER,
    `Invalid LDAP filter "${filter}": escaped bytes that are not UTF-8 text are only supported in equality assertions.`,
  );
}
