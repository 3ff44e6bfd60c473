import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { t: string };

/** A chat socket for tests and the bench: collects frames and waits for the one a test expects. */
export class ChatClient {
  readonly frames: Frame[] = [];
  #waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(readonly socket: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode}`)),
      );
    });
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as Frame;
      this.frames.push(frame);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (!waiter.match(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<ChatClient> {
    const client = new ChatClient(new WebSocket(url, { headers, perMessageDeflate: false }));
    await client.opened;
    return client;
  }

  send(frame: object): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** The first frame (already received or still to come) that matches. */
  waitFor(match: (frame: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
      this.#waiters.push({
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      });
    });
  }

  messages(): Frame[] {
    return this.frames.filter((frame) => frame.t === 'msg');
  }

  close(): void {
    this.socket.close();
  }

  /** Drops the connection without a closing handshake, like a phone losing its network. */
  kill(): void {
    this.socket.terminate();
  }
}
