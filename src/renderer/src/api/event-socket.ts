import { defaultReconnectBackoff, reconnectDelay, type ReconnectBackoff } from './reconnect-delay';

/** The part of the browser's WebSocket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((ev: Event) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  close(): void;
}

export interface EventSocketOptions {
  url: string;
  onMessage(data: unknown): void;
  /** `true` once open, `false` when it dropped and a reconnect is scheduled. */
  onOpenChange(open: boolean): void;
  backoff?: ReconnectBackoff;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
}

/**
 * A WebSocket that comes back: when the server goes away (restart, sleep, network) it reconnects
 * with exponential backoff and jitter until stopped. Messages are handed on as received.
 */
export class EventSocket {
  private socket: SocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failedAttempts = 0;
  private running = false;

  constructor(private readonly options: EventSocketOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  private connect(): void {
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
    let socket: SocketLike;
    try {
      socket = create(this.options.url);
    } catch {
      // A malformed URL or a CSP refusal throws synchronously; treat it like a dropped connection.
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.failedAttempts = 0;
      this.options.onOpenChange(true);
    };
    socket.onmessage = (ev) => this.options.onMessage(ev.data);
    // Every failure ends in `close`, which is where the reconnect is scheduled.
    socket.onerror = () => {};
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.options.onOpenChange(false);
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (!this.running) return;
    const delay = reconnectDelay(
      this.failedAttempts,
      this.options.random ?? Math.random,
      this.options.backoff ?? defaultReconnectBackoff,
    );
    this.failedAttempts += 1;
    this.retryTimer = setTimeout(() => {
      if (this.running) this.connect();
    }, delay);
  }
}
