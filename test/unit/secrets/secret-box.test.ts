import { describe, expect, it } from 'vitest';
import { generateSecretKey, SecretBox } from '../../../src/secrets/secret-box.js';

describe('SecretBox', () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = new SecretBox(generateSecretKey());
    const sealed = box.encrypt('Sup3r-secret!');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('Sup3r-secret!');
    expect(box.decrypt(sealed)).toBe('Sup3r-secret!');
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox(generateSecretKey());
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a secret sealed with another key, with a coded error', () => {
    const sealed = new SecretBox(generateSecretKey()).encrypt('x');
    expect(() => new SecretBox(generateSecretKey()).decrypt(sealed)).toThrow(
      expect.objectContaining({ code: 'SECRET_KEY_ERROR' }),
    );
  });

  it('detects tampering', () => {
    const box = new SecretBox(generateSecretKey());
    const sealed = box.encrypt('payload');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.decrypt(`v1:${raw.toString('base64')}`)).toThrow(
      expect.objectContaining({ code: 'SECRET_KEY_ERROR' }),
    );
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
