import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/**
 * One `type=value` pair of an RDN. `value` is the decoded string (escapes resolved), except for
 * RFC 4514 hex strings (`cn=#0403616263`), which are BER encodings we keep opaque: then `isHex` is
 * true and `value` is `#` followed by the lower-case hex digits.
 */
export interface AttributeTypeAndValue {
  readonly type: string;
  readonly value: string;
  readonly isHex: boolean;
}

/** A relative distinguished name: one pair, or several joined by `+` (multi-valued RDN). */
export type Rdn = readonly AttributeTypeAndValue[];

// RFC 4514 section 2.4: characters that must be escaped anywhere in a value; the parser also accepts
// SPACE, '#' and '=' after a backslash (RFC 4514 "special").
const ALWAYS_ESCAPED = new Set(['"', '+', ',', ';', '<', '>', '\\']);
const ESCAPABLE = new Set([...ALWAYS_ESCAPED, ' ', '#', '=']);
const KEYWORD = /[A-Za-z][A-Za-z0-9-]*/y;
const NUMERIC_OID = /(?:0|[1-9][0-9]*)(?:\.(?:0|[1-9][0-9]*))+/y;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;
const HEX_STRING = /#(?:[0-9A-Fa-f]{2})+/y;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a DN string (RFC 4514, with the RFC 2253 leniency of spaces around separators) into its
 * RDNs, leaf first. The empty DN (root DSE) gives []. Throws INVALID_DN naming the position.
 */
export function parseDn(dn: string): Rdn[] {
  return new DnParser(dn).parse();
}

/** Formats RDNs back into a DN string, escaping each value minimally (see escapeDnValue). */
export function formatDn(rdns: readonly Rdn[]): string {
  return rdns.map((rdn) => rdn.map(formatAttributeTypeAndValue).join('+')).join(',');
}

/**
 * Escapes a string for use as an RDN value (RFC 4514 section 2.4): the characters `"+,;<>\` anywhere,
 * NUL as `\00`, a leading `#` or space, and a trailing space. Everything else, including non-ASCII
 * text, is kept literally, so the same value always gives the same string.
 */
export function escapeDnValue(value: string): string {
  // Code points: only ASCII characters are ever escaped, so splitting composed characters is harmless.
  const chars = Array.from(value);
  return chars
    .map((char, index) => {
      if (ALWAYS_ESCAPED.has(char)) return `\\${char}`;
      if (char === '\0') return '\\00';
      if (index === 0 && (char === '#' || char === ' ')) return `\\${char}`;
      if (index === chars.length - 1 && char === ' ') return '\\ ';
      return char;
    })
    .join('');
}

function formatAttributeTypeAndValue(pair: AttributeTypeAndValue): string {
  return `${pair.type}=${pair.isHex ? pair.value : escapeDnValue(pair.value)}`;
}

class DnParser {
  private position = 0;

  constructor(private readonly dn: string) {}

  parse(): Rdn[] {
    this.skipSpaces();
    if (this.atEnd()) return [];
    const rdns: Rdn[] = [];
    for (;;) {
      rdns.push(this.parseRdn());
      if (this.atEnd()) return rdns;
      // A value ends only at the end of the DN, at '+' (consumed by parseRdn) or here, at ','.
      this.position += 1;
    }
  }

  private parseRdn(): Rdn {
    const pairs = [this.parseAttributeTypeAndValue()];
    while (this.dn[this.position] === '+') {
      this.position += 1;
      pairs.push(this.parseAttributeTypeAndValue());
    }
    return pairs;
  }

  private parseAttributeTypeAndValue(): AttributeTypeAndValue {
    this.skipSpaces();
    const type = this.parseAttributeType();
    this.skipSpaces();
    if (this.dn[this.position] !== '=') this.fail(`expected '=' after attribute type '${type}'`);
    this.position += 1;
    this.skipSpaces();
    const pair = this.dn[this.position] === '#' ? this.parseHexString(type) : this.parseString(type);
    this.skipSpaces();
    return pair;
  }

  private parseAttributeType(): string {
    const pattern = /[0-9]/.test(this.current()) ? NUMERIC_OID : KEYWORD;
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.dn);
    if (match === null) {
      this.fail(
        this.atEnd()
          ? 'expected an attribute type but the DN ended'
          : `expected an attribute type but found '${this.current()}'`,
      );
    }
    this.position += match[0].length;
    return match[0];
  }

  private parseHexString(type: string): AttributeTypeAndValue {
    HEX_STRING.lastIndex = this.position;
    const match = HEX_STRING.exec(this.dn);
    if (match === null)
      this.fail(`expected hex digit pairs after '#' (escape a literal leading '#' as '\\#')`);
    this.position += match[0].length;
    this.expectValueEnd();
    return { type, value: match[0].toLowerCase(), isHex: true };
  }

  private parseString(type: string): AttributeTypeAndValue {
    const start = this.position;
    const bytes: number[] = [];
    // Unescaped trailing spaces are insignificant; escaped ones are kept, so remember where the
    // last significant byte ended.
    let significantLength = 0;
    while (!this.atEnd()) {
      const char = this.current();
      if (char === ',' || char === '+') break;
      if (char === '\\') {
        this.parseEscape(bytes);
        significantLength = bytes.length;
        continue;
      }
      if (char === '"' || char === ';' || char === '<' || char === '>' || char === '\0') {
        this.fail(`unescaped ${char === '\0' ? 'NUL' : `'${char}'`} in the value of '${type}'`);
      }
      const codePoint = this.dn.codePointAt(this.position) ?? 0;
      const text = String.fromCodePoint(codePoint);
      bytes.push(...Buffer.from(text, 'utf8'));
      this.position += text.length;
      if (char !== ' ') significantLength = bytes.length;
    }
    try {
      return { type, value: utf8.decode(Uint8Array.from(bytes.slice(0, significantLength))), isHex: false };
    } catch {
      return this.fail(`the escaped bytes in the value of '${type}' are not valid UTF-8`, start);
    }
  }

  private parseEscape(bytes: number[]): void {
    const next = this.dn[this.position + 1];
    if (next === undefined) this.fail('the DN ends with a lone backslash');
    const pair = this.dn.slice(this.position + 1, this.position + 3);
    if (HEX_PAIR.test(pair)) {
      bytes.push(Number.parseInt(pair, 16));
      this.position += 3;
      return;
    }
    if (!ESCAPABLE.has(next))
      this.fail(
        `invalid escape '\\${next}' (use '\\' before one of ${[...ESCAPABLE].join('')} or two hex digits)`,
      );
    bytes.push(next.charCodeAt(0));
    this.position += 2;
  }

  private expectValueEnd(): void {
    this.skipSpaces();
    if (!this.atEnd() && this.current() !== ',' && this.current() !== '+') {
      this.fail(`unexpected '${this.current()}' after a hex string value`);
    }
  }

  private skipSpaces(): void {
    while (this.dn[this.position] === ' ') this.position += 1;
  }

  private atEnd(): boolean {
    return this.position >= this.dn.length;
  }

  private current(): string {
    return this.dn[this.position] ?? '';
  }

  private fail(reason: string, position = this.position): never {
    throw new AppError(ErrorCode.INVALID_DN, `Invalid DN "${this.dn}": ${reason} at position ${position}.`, {
      details: { position },
    });
  }
}
