import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

/**
 * objectGUID bytes to the standard string form. AD stores the GUID as the Windows GUID structure:
 * the first three groups little-endian, the last eight bytes in order, so the bytes
 * `10 32 54 76 98 ba dc fe ...` read `76543210-ba98-fedc-...`.
 */
export function objectGuidToString(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw binaryError('objectGUID', `${bytes.length} bytes instead of 16`);
  const hex = (indexes: number[]): string =>
    indexes.map((index) => (bytes[index] ?? 0).toString(16).padStart(2, '0')).join('');
  return [hex([3, 2, 1, 0]), hex([5, 4]), hex([7, 6]), hex([8, 9]), hex([10, 11, 12, 13, 14, 15])].join('-');
}

/** The inverse of objectGuidToString, e.g. to search by GUID with escapeFilterValue(buffer). */
export function objectGuidToBuffer(guid: string): Buffer {
  const match = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i.exec(guid);
  if (match === null) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `"${guid}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
    );
  }
  const [, first = '', second = '', third = '', fourth = '', fifth = ''] = match;
  const reversed = (hex: string): Buffer => Buffer.from(hex, 'hex').reverse();
  return Buffer.concat([
    reversed(first),
    reversed(second),
    reversed(third),
    Buffer.from(fourth + fifth, 'hex'),
  ]);
}

/**
 * objectSid bytes (revision, sub-authority count, 48-bit big-endian identifier authority, then
 * 32-bit little-endian sub-authorities) to the string form `S-1-5-21-...` ([MS-DTYP] 2.4.2.1).
 */
export function objectSidToString(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = bytes[1];
  if (bytes.length < 8 || count === undefined || bytes.length !== 8 + 4 * count) {
    throw binaryError('objectSid', `${bytes.length} bytes do not form a SID`);
  }
  const authority = view.getUint16(2) * 2 ** 32 + view.getUint32(4);
  // [MS-DTYP]: authorities that do not fit in 32 bits are written in hex.
  const authorityText =
    authority >= 2 ** 32 ? `0x${authority.toString(16).padStart(12, '0')}` : String(authority);
  const subAuthorities = Array.from({ length: count }, (_, index) => view.getUint32(8 + 4 * index, true));
  return ['S', bytes[0], authorityText, ...subAuthorities].join('-');
}

function binaryError(attribute: string, problem: string): AppError {
  return new AppError(
    ErrorCode.DIRECTORY_ERROR,
    `The directory returned an invalid ${attribute} value: ${problem}.`,
  );
}
