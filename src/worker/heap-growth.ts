import { setFlagsFromString } from 'node:v8';

/**
 * Caps how far V8 lets the old generation grow past what survived the last full collection, as a
 * percentage (V8's `--heap-growing-percent`; 0 keeps V8's own factor). A worker streams pages of LDAP
 * entries through a live heap of 65-80 MB, but V8 by default lets garbage grow the heap to about four
 * times that before collecting: at 100k users its RSS peaked at 580-670 MB, at 450-545 MB with 50%.
 * Not a hard limit like `--max-old-space-size`: a heap that must grow still grows. V8 reads the flag
 * at every limit it computes, so setting it at start-up works.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
