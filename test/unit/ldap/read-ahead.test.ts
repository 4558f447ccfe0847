import { describe, expect, it } from 'vitest';

import { readAhead } from '../../../src/ldap/read-ahead.js';

/** A source that records when each item is requested and when it is closed. */
function recordingSource(items: number, failAt?: number) {
  const events: string[] = [];
  async function* source(): AsyncGenerator<number> {
    try {
      for (let item = 0; item < items; item++) {
        events.push(`produce ${item}`);
        await Promise.resolve();
        if (item === failAt) throw new Error(`page ${item} failed`);
        yield item;
      }
    } finally {
      events.push('closed');
    }
  }
  return { events, source: source() };
}

describe('readAhead', () => {
  it('requests the next item before the consumer has finished with the current one', async () => {
    const { events, source } = recordingSource(3);
    const seen: number[] = [];
    for await (const item of readAhead(source)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`consumed ${item}`);
      seen.push(item);
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(events).toEqual([
      'produce 0',
      'produce 1',
      'consumed 0',
      'produce 2',
      'consumed 1',
      'closed',
      'consumed 2',
    ]);
  });

  it('raises the error of an item read ahead when the consumer reaches it', async () => {
    const { source } = recordingSource(3, 1);
    const seen: number[] = [];
    await expect(async () => {
      for await (const item of readAhead(source)) seen.push(item);
    }).rejects.toThrow('page 1 failed');
    expect(seen).toEqual([0]);
  });

  it('closes the source when the consumer stops early, and a failure read ahead stays unobserved', async () => {
    const { events, source } = recordingSource(5, 1);
    for await (const item of readAhead(source)) {
      expect(item).toBe(0);
      break;
    }
    expect(events.at(-1)).toBe('closed');
  });
});
