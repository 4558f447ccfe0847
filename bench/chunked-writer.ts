// Large generated files (LDIF, COPY data) written from many small strings without holding the file in
// memory: strings are joined into ~1 MB chunks and the stream's back-pressure is respected.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 1 << 20;

export class ChunkedWriter {
  private parts: string[] = [];
  private pending = 0;
  private written = 0;
  private readonly stream: WriteStream;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= CHUNK_CHARS) await this.flush();
  }

  /** Flushes, ends the stream and resolves with the bytes written once the file is complete. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.written;
  }

  /** Abandons the file after an error (the caller removes it if it wants). */
  destroy(): void {
    this.stream.destroy();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    this.written += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** Writes everything produce() emits to file through a ChunkedWriter; resolves with the bytes written. */
export async function writeChunked(
  file: string,
  produce: (write: (text: string) => Promise<void>) => Promise<void>,
): Promise<number> {
  const out = new ChunkedWriter(file);
  try {
    await produce((text) => out.write(text));
    return await out.close();
  } catch (error) {
    out.destroy();
    throw error;
  }
}
