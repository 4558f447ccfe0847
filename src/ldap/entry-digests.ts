import { hash } from 'node:crypto';
import type { Client } from 'ldapts';

import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/**
 * What a read already holds: the digests of the entries it staged before. A full re-read of a large
 * directory spends most of its time decoding entries that did not change (100k users: about 4 CPU
 * seconds in JavaScript against 0.7 s for libldap's `ldapsearch`); an entry whose bytes hash to a known
 * digest is left undecoded and taken from the earlier staging instead.
 */
export interface KnownEntries {
  /**
   * Whatever else the caller's rows depend on (its attribute mapping, its row format): part of every
   * digest, so rows made another way never match.
   */
  seed: string;
  /** The digests known: a Set, or the keys of the rows they stand for (no copy of 100k keys). */
  digests: Pick<ReadonlySet<string>, 'has'>;
}

/** What the watch saw of one entry: its digest, and whether it was known (and so left undecoded). */
export interface EntrySeen {
  digest: string;
  known: boolean;
}

/** A watch on a client's incoming search entries; see watchEntryDigests. */
export interface EntryDigestWatch {
  /** What was seen of an entry ldapts delivered (named dn), once; undefined when it got no digest. */
  take(dn: string): EntrySeen | undefined;
  /** The digests of the known entries ldapts never got, since the last call. */
  takeDropped(): string[];
  /** Hands ldapts back its parser, with any part of a message not yet complete. */
  stop(): void;
}

interface MessageParser {
  read(data: Buffer, messageDetails: unknown): void;
}

/**
 * A known entry kept back as a stand-in, until the watch knows whether its page needs one. Most are
 * dropped: it keeps the message and offsets, and cuts out its parts only when it stands in.
 */
interface HeldEntry {
  message: Buffer;
  idStart: number;
  opStart: number;
  /** The DN's element, and its value's start. */
  dnStart: number;
  dnValueStart: number;
  dnValueEnd: number;
  digest: string;
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const SEARCH_RESULT_ENTRY = 0x64;
const SEMICOLON = 0x3b;
const RANGE_OPTION = Buffer.from('range=');

/**
 * Digests every search result entry the client receives before ldapts decodes it: SHA-256 of the
 * entry's BER encoding (its DN and attributes as the server sent them), after a tag of the seed. Known
 * entries never reach ldapts (takeDropped lists them), except one per page as a stand-in with its DN
 * and no attributes: ldapts ends a paged search at the first page without entries. An entry with a
 * ranged attribute (AD's `member;range=0-1499`) gets no digest: the rest of its values are not in its
 * bytes.
 *
 * ldapts has no hook for this: the watch wraps the client's message parser, which is not public API.
 * The shape is checked here, and the tests read through the watch against slapd and Samba.
 */
export function watchEntryDigests(client: Client, known: KnownEntries): EntryDigestWatch {
  const parser = messageParserOf(client);
  const ownRead = Object.getOwnPropertyDescriptor(parser, 'read');
  const read = parser.read.bind(parser);
  // The seed's tag in front of each digest: one hash per entry, not a hash of the seed and the entry.
  const seedTag = hash('sha256', known.seed, 'base64').slice(0, 12);
  const seen = new Map<string, EntrySeen>();
  let dropped: string[] = [];
  let held: HeldEntry | null = null;
  let pending: Buffer | null = null;

  parser.read = (data, messageDetails) => {
    const buffer = pending === null ? data : Buffer.concat([pending, data]);
    pending = null;
    let offset = 0;
    for (let end = messageEnd(buffer, offset); end !== null; end = messageEnd(buffer, offset)) {
      if (end < 0) {
        // Not an LDAP message: ldapts reports it.
        read(buffer.subarray(offset), messageDetails);
        return;
      }
      const message = buffer.subarray(offset, end);
      const entry = watchEntry(message);
      if (entry === 'NOT_AN_ENTRY') {
        // The end of a page (or another operation's answer): the page gets the entry held, if any.
        releaseHeld(messageDetails);
        read(message, messageDetails);
      } else if (entry === 'DECODE') {
        read(message, messageDetails);
      } else {
        if (held !== null) dropped.push(held.digest);
        held = entry;
      }
      offset = end;
    }
    if (offset < buffer.length) pending = buffer.subarray(offset);
  };

  function releaseHeld(messageDetails: unknown): void {
    if (held === null) return;
    const { message, idStart, opStart, dnStart, dnValueStart, dnValueEnd, digest } = held;
    const op = tlv(SEARCH_RESULT_ENTRY, [message.subarray(dnStart, dnValueEnd), Buffer.from([SEQUENCE, 0])]);
    seen.set(message.toString('utf8', dnValueStart, dnValueEnd), { digest, known: true });
    const standIn = tlv(SEQUENCE, [message.subarray(idStart, opStart), op]);
    held = null;
    read(standIn, messageDetails);
  }

  /**
   * A search result entry: digested (what was seen of one to decode is recorded for take), and a known
   * one returned to be held or dropped. DECODE: hand it to ldapts as it is.
   */
  function watchEntry(message: Buffer): HeldEntry | 'DECODE' | 'NOT_AN_ENTRY' {
    const idStart = headerEnd(message, 0);
    if (idStart === null || message[idStart] !== INTEGER) return 'NOT_AN_ENTRY';
    const opStart = contentEnd(message, idStart) ?? -1;
    if (opStart < 0 || message[opStart] !== SEARCH_RESULT_ENTRY) return 'NOT_AN_ENTRY';
    const dnStart = headerEnd(message, opStart);
    const dnValueStart =
      dnStart === null || message[dnStart] !== OCTET_STRING ? null : headerEnd(message, dnStart);
    const dnValueEnd = dnStart === null ? null : contentEnd(message, dnStart);
    const opEnd = contentEnd(message, opStart);
    if (dnStart === null || dnValueStart === null || dnValueEnd === null || opEnd === null) return 'DECODE';
    const op = message.subarray(opStart, opEnd);
    if (hasRangedAttribute(op)) return 'DECODE';
    const digest = seedTag + hash('sha256', op, 'base64');
    if (!known.digests.has(digest)) {
      seen.set(message.toString('utf8', dnValueStart, dnValueEnd), { digest, known: false });
      return 'DECODE';
    }
    return { message, idStart, opStart, dnStart, dnValueStart, dnValueEnd, digest };
  }

  return {
    take(dn) {
      const entry = seen.get(dn);
      if (entry !== undefined) seen.delete(dn);
      return entry;
    },
    takeDropped() {
      const digests = dropped;
      dropped = [];
      return digests;
    },
    stop() {
      if (ownRead === undefined) Reflect.deleteProperty(parser, 'read');
      else Object.defineProperty(parser, 'read', ownRead);
      if (pending !== null) read(pending, undefined);
      pending = null;
      held = null;
      dropped = [];
      seen.clear();
    },
  };
}

function messageParserOf(client: Client): MessageParser {
  const parser: unknown = Reflect.get(client, 'messageParser');
  if (typeof parser !== 'object' || parser === null || typeof Reflect.get(parser, 'read') !== 'function') {
    throw new AppError(
      ErrorCode.INTERNAL,
      'This ldapts version has no message parser to watch; the read cannot skip unchanged entries.',
    );
  }
  return parser as MessageParser;
}

function tlv(tag: number, parts: readonly Buffer[]): Buffer {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  return Buffer.concat([Buffer.from([tag, ...encodeLength(length)]), ...parts]);
}

function encodeLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

/**
 * The end of the message starting at offset: null when the buffer does not hold all of it yet, -1 when
 * the bytes there are no LDAP message.
 */
function messageEnd(buffer: Buffer, offset: number): number | null {
  if (offset >= buffer.length) return null;
  const first = buffer[offset + 1];
  if (buffer[offset] !== SEQUENCE || first === 0x80 || (first !== undefined && first > 0x84)) return -1;
  const end = contentEnd(buffer, offset);
  return end === null || end > buffer.length ? null : end;
}

/** Where the content of the element at offset starts (after its tag and length); null if cut short. */
function headerEnd(buffer: Buffer, offset: number): number | null {
  const first = buffer[offset + 1];
  if (first === undefined) return null;
  if (first < 0x80) return offset + 2;
  const count = first & 0x7f;
  return count === 0 || count > 4 || offset + 2 + count > buffer.length ? null : offset + 2 + count;
}

/** Where the element at offset ends; null if its header is cut short (its content may be too). */
function contentEnd(buffer: Buffer, offset: number): number | null {
  const start = headerEnd(buffer, offset);
  if (start === null) return null;
  const first = buffer[offset + 1] ?? 0;
  if (first < 0x80) return start + first;
  let length = 0;
  for (let i = offset + 2; i < start; i += 1) length = length * 256 + (buffer[i] ?? 0);
  return start + length;
}

/**
 * Whether an attribute description has the range option (`;range=`, any case). A value may match too:
 * then the entry is only decoded.
 */
function hasRangedAttribute(op: Buffer): boolean {
  for (let at = op.indexOf(SEMICOLON); at >= 0; at = op.indexOf(SEMICOLON, at + 1)) {
    if (at + 1 + RANGE_OPTION.length > op.length) return false;
    let matches = true;
    for (let i = 0; i < RANGE_OPTION.length && matches; i += 1) {
      matches = ((op[at + 1 + i] ?? 0) | 0x20) === RANGE_OPTION[i];
    }
    if (matches) return true;
  }
  return false;
}
