import { describe, expect, it } from 'vitest';
import { forEachInLanes } from '../../../src/activities/in-lanes.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('forEachInLanes', () => {
  it('calls every index once, in order of start, never more than the lanes at once', async () => {
    const started: number[] = [];
    let running = 0;
    let mostRunning = 0;
    await forEachInLanes(7, 2, async (index) => {
      started.push(index);
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await tick();
      running -= 1;
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(mostRunning).toBe(2);
  });

  it('starts nothing after a failure and throws it once the running call has settled', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = forEachInLanes(6, 2, async (index) => {
      started.push(index);
      if (index === 1) throw new Error('batch 1 failed');
      await tick();
      finished.push(index);
    });
    await expect(run).rejects.toThrow('batch 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });

  it('does nothing for no indexes', async () => {
    let calls = 0;
    await forEachInLanes(0, 2, () => {
      calls += 1;
      return Promise.resolve();
    });
    expect(calls).toBe(0);
  });
});
