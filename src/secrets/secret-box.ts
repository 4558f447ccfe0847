import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-codes.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM for secrets at rest (directory bind passwords). The output is `v1:<base64 iv|tag|data>`. */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) {
      throw new AppError(ErrorCode.SECRET_KEY_ERROR, 'The secret key must be 32 bytes.');
    }
    this.#key = key;
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    const [version, payload] = sealed.split(':', 2);
    if (version !== VERSION || payload === undefined) {
      throw new AppError(ErrorCode.SECRET_KEY_ERROR, 'A stored secret has an unknown format.');
    }
    const raw = Buffer.from(payload, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch (error) {
      throw new AppError(
        ErrorCode.SECRET_KEY_ERROR,
        'A stored secret cannot be decrypted: the secret key differs from the one it was encrypted with.',
        { cause: error },
      );
    }
  }
}

export function generateSecretKey(): Buffer {
  return randomBytes(32);
}
