/**
 * Iterates `source` one item ahead: the next item is requested as soon as the current one is handed
 * out, so producing it (an LDAP page fetched and decoded) overlaps with the consumer's work on the
 * current one (writing it to Postgres). At most two items exist at once. An error of the item read
 * ahead surfaces when the consumer asks for it; a consumer that stops early closes the source.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  let finished = false;
  try {
    for (;;) {
      const result = await pending;
      if (result.done === true) {
        finished = true;
        return;
      }
      pending = iterator.next();
      // Observed now, so a consumer that stops before asking for it leaves no unhandled rejection.
      pending.catch(() => undefined);
      yield result.value;
    }
  } catch (error) {
    finished = true;
    throw error;
  } finally {
    if (!finished) await iterator.return?.();
  }
}
