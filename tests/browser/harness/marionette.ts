// A small client for Marionette, Firefox's own automation protocol (what geckodriver speaks),
// so the Firefox tests need no geckodriver binary. Wire format on the TCP port: each frame is
// `<byte length>:<JSON>`. The first frame from Firefox is a hello; a command is
// [0, id, name, params] and its answer [1, id, error, result].
import { connect, type Socket } from 'node:net';

export class MarionetteError extends Error {
  constructor(
    readonly command: string,
    readonly error: string,
    message: string,
    readonly stacktrace?: string,
  ) {
    super(`${command}: ${error}: ${message}`);
  }
}

interface Pending {
  name: string;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Splits a byte stream into Marionette frames. Lengths count bytes, not characters. */
export class FrameReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): unknown[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: unknown[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon < 0) break;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (!Number.isInteger(length) || length < 0) throw new Error('bad Marionette frame header');
      const end = colon + 1 + length;
      if (this.buffer.length < end) break;
      frames.push(JSON.parse(this.buffer.subarray(colon + 1, end).toString('utf8')));
      this.buffer = this.buffer.subarray(end);
    }
    return frames;
  }
}

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body]);
}

export class MarionetteClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly reader = new FrameReader();
  private closedError: Error | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.reader.push(chunk)) this.dispatch(frame);
    });
    const fail = (error: Error): void => {
      this.closedError = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('Marionette connection closed')));
  }

  /** Connects and waits for Firefox's hello frame. */
  static connect(port: number, host = '127.0.0.1'): Promise<MarionetteClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      const reader = new FrameReader();
      const onData = (chunk: Buffer): void => {
        const [hello] = reader.push(chunk);
        if (hello === undefined) return;
        socket.off('data', onData);
        socket.off('error', reject);
        const { applicationType } = hello as { applicationType?: string };
        if (applicationType !== 'gecko') {
          socket.destroy();
          reject(new Error(`not a Marionette server: ${JSON.stringify(hello)}`));
          return;
        }
        resolve(new MarionetteClient(socket));
      };
      socket.on('data', onData);
      socket.once('error', reject);
    });
  }

  /** Sends a command and resolves with its result (often `{value: ...}`). */
  send<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { name, resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(encodeFrame([0, id, name, params]));
    });
  }

  /** Sends a command whose result wraps its value as {value}; returns the value. */
  async value<T = unknown>(name: string, params: Record<string, unknown> = {}): Promise<T> {
    const result = await this.send<{ value: T }>(name, params);
    return result.value;
  }

  close(): void {
    this.socket.destroy();
  }

  private dispatch(frame: unknown): void {
    if (!Array.isArray(frame) || frame[0] !== 1) return;
    const [, id, error, result] = frame as [1, number, { error: string; message: string; stacktrace?: string } | null, unknown];
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (error) pending.reject(new MarionetteError(pending.name, error.error, error.message, error.stacktrace));
    else pending.resolve(result);
  }
}
