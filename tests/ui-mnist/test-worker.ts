/** A worker double for the pool and training tests: records what it was sent and lets a test deliver replies or a crash. */
import type { PoolWorker } from '../../src/mnist/browser/pool.ts';

export class TestWorker<Reply = unknown> implements PoolWorker {
  sent: unknown[] = [];
  /** The transfer list of each message sent. */
  transferred: Transferable[][] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.sent.push(message);
    this.transferred.push(transfer);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: Reply) {
    this.onmessage?.({ data } as MessageEvent);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}
