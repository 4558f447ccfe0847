import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';
import { getAttributeValues, type LdapEntry } from './ldap-entry.js';

/** A value range of an AD ranged attribute such as `member;range=0-1499` (`high` null for `*`). */
export interface AttributeRange {
  /** The attribute name without the range option, lower-cased (`member`). */
  attribute: string;
  low: number;
  high: number | null;
}

/** Reads one entry (base scope) with the given attribute list; null when it does not exist. */
export type EntryReader = (dn: string, attributes: string[]) => Promise<LdapEntry | null>;

export interface RangeOptions {
  /**
   * Values per follow-up request. Without it, follow-ups ask for `attr;range=N-*` and the server
   * picks the size (AD: MaxValRange, 1500); with it they ask for explicit ranges of that size.
   */
  stepSize?: number;
  /**
   * Attributes the caller requested with an explicit range (see rangeRequest). An entry that comes
   * back without them is read once more with the plain name, because a server that does not know
   * ranges (OpenLDAP) returns nothing for `member;range=0-1499`: silence must not read as "no members".
   */
  explicitlyRanged?: readonly string[];
}

/** AD's default MaxValRange, and the step of explicit range requests when none is given. */
export const DEFAULT_RANGE_STEP = 1500;

const RANGED_NAME = /^(.+?);range=(\d+)-(\d+|\*)$/i;

/** Parses `member;range=0-1499` / `member;range=1500-*`; null for a name without a range option. */
export function parseRangedAttributeName(name: string): AttributeRange | null {
  const match = RANGED_NAME.exec(name);
  if (match === null) return null;
  const [, attribute = '', low = '', high = ''] = match;
  return { attribute: attribute.toLowerCase(), low: Number(low), high: high === '*' ? null : Number(high) };
}

/** The attribute description that asks for the values from `low` on, `stepSize` of them when given. */
export function rangeRequest(attribute: string, low: number, stepSize?: number): string {
  return `${attribute};range=${low}-${stepSize === undefined ? '*' : String(low + stepSize - 1)}`;
}

/**
 * Replaces every ranged attribute of the entry by all its values under the plain name, reading the
 * remaining ranges one base-scope read at a time until a range ends in `*`. A range that does not
 * start where the previous one ended, holds fewer values than it claims, or is missing (also when the
 * entry vanished meanwhile) throws RANGE_RETRIEVAL_GAP: a partial member list must never pass as
 * complete.
 */
export async function completeRangedAttributes(
  entry: LdapEntry,
  readEntry: EntryReader,
  options: RangeOptions = {},
): Promise<LdapEntry> {
  // Nearly every entry has no range to follow: returned as it is, with no copy (millions per sync).
  if (!hasRangesToComplete(entry, options)) return entry;
  const attributes = new Map<string, string[]>();
  const ranged = new Set<string>();
  for (const [name, values] of Object.entries(entry.attributes)) {
    const range = parseRangedAttributeName(name);
    if (range === null) {
      // A plain name next to its ranged form (some servers send both) is replaced by the full list.
      if (!ranged.has(name)) attributes.set(name, values);
      continue;
    }
    ranged.add(range.attribute);
    attributes.set(
      range.attribute,
      await readRemainingRanges(entry.dn, range, values, readEntry, options.stepSize),
    );
  }
  for (const name of options.explicitlyRanged ?? []) {
    const attribute = name.toLowerCase();
    if (attributes.has(attribute)) continue;
    const values = await readUnranged(entry.dn, attribute, readEntry, options.stepSize);
    if (values.length > 0) attributes.set(attribute, values);
  }
  return { dn: entry.dn, attributes: Object.fromEntries(attributes) };
}

/** Whether the entry has a ranged attribute, or lacks an explicitly ranged one (see completeRangedAttributes). */
function hasRangesToComplete(entry: LdapEntry, options: RangeOptions): boolean {
  for (const name of Object.keys(entry.attributes)) if (name.includes(';')) return true;
  return (options.explicitlyRanged ?? []).some(
    (name) => !Object.hasOwn(entry.attributes, name.toLowerCase()),
  );
}

/**
 * All values of one attribute of one entry, asking for explicit ranges of `stepSize` values (useful
 * against Samba, which ranges only when asked). Throws NO_SUCH_OBJECT when the entry does not exist.
 */
export async function readRangedAttribute(
  dn: string,
  attribute: string,
  readEntry: EntryReader,
  stepSize = DEFAULT_RANGE_STEP,
): Promise<string[]> {
  const entry = await readEntry(dn, [rangeRequest(attribute, 0, stepSize)]);
  if (entry === null) throw new AppError(ErrorCode.NO_SUCH_OBJECT, `The entry "${dn}" does not exist.`);
  const complete = await completeRangedAttributes(entry, readEntry, {
    stepSize,
    explicitlyRanged: [attribute],
  });
  return getAttributeValues(complete, attribute);
}

async function readUnranged(
  dn: string,
  attribute: string,
  readEntry: EntryReader,
  stepSize: number | undefined,
): Promise<string[]> {
  const entry = await readEntry(dn, [attribute]);
  if (entry === null) throw gap(dn, attribute, 'the entry disappeared while its values were being read');
  const complete = await completeRangedAttributes(entry, readEntry, { stepSize });
  return getAttributeValues(complete, attribute);
}

async function readRemainingRanges(
  dn: string,
  first: AttributeRange,
  firstValues: readonly string[],
  readEntry: EntryReader,
  stepSize: number | undefined,
): Promise<string[]> {
  const values: string[] = [];
  let range = first;
  let rangeValues = firstValues;
  let expectedLow = 0;
  for (;;) {
    checkRange(dn, range, rangeValues.length, expectedLow);
    values.push(...rangeValues);
    if (range.high === null) return values;
    expectedLow = range.high + 1;
    const request = rangeRequest(range.attribute, expectedLow, stepSize);
    const entry = await readEntry(dn, [request]);
    if (entry === null)
      throw gap(dn, range.attribute, 'the entry disappeared while its values were being read');
    const next = findRange(entry, range.attribute);
    if (next === null) throw gap(dn, range.attribute, `the server returned nothing for ${request}`);
    [range, rangeValues] = next;
  }
}

function checkRange(dn: string, range: AttributeRange, count: number, expectedLow: number): void {
  const label = `range ${range.low}-${range.high ?? '*'}`;
  if (range.low !== expectedLow)
    throw gap(dn, range.attribute, `${label} does not start at value ${expectedLow}`);
  if (range.high !== null && range.high < range.low)
    throw gap(dn, range.attribute, `${label} ends before it starts`);
  if (range.high !== null && count !== range.high - range.low + 1) {
    throw gap(dn, range.attribute, `${label} holds ${count} values instead of ${range.high - range.low + 1}`);
  }
}

function findRange(entry: LdapEntry, attribute: string): [AttributeRange, string[]] | null {
  for (const [name, values] of Object.entries(entry.attributes)) {
    const range = parseRangedAttributeName(name);
    if (range?.attribute === attribute) return [range, values];
  }
  return null;
}

function gap(dn: string, attribute: string, problem: string): AppError {
  return new AppError(
    ErrorCode.RANGE_RETRIEVAL_GAP,
    `Ranged retrieval of ${attribute} on "${dn}" is incomplete: ${problem}. The values read so far are not used.`,
    { details: { dn, attribute } },
  );
}
