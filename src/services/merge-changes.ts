/**
 * Applies a partial update from a client: an absent field keeps its value; null clears a field that
 * may be empty and is ignored for one that may not (GraphQL lets a client send null for any optional
 * input field).
 */
export function mergeChanges<T extends object>(
  current: T,
  changes: { [K in keyof T]?: T[K] | null },
  clearable: ReadonlySet<keyof T>,
): T {
  const merged = { ...current };
  for (const key of Object.keys(current) as (keyof T)[]) {
    const value = changes[key];
    if (value === undefined) continue;
    if (value === null) {
      if (clearable.has(key)) merged[key] = null as T[keyof T];
      continue;
    }
    merged[key] = value;
  }
  return merged;
}
