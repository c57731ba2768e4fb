/**
 * Live progress from ComfyUI's WebSocket (`/ws?clientId=`; `progress` frames {value, max,
 * prompt_id}). Only an accelerator for the progress bar: HTTP polling of /history and /queue
 * stays the source of truth, so every WebSocket failure is ignored and a lost socket is
 * reopened at most every RECONNECT_MS on the next poll. The socket never keeps the process
 * alive (the CLI exits when its work is done).
 */
import WebSocket from 'ws';

const RECONNECT_MS = 5000;

export class ComfyProgress {
  private socket: WebSocket | null = null;
  private lastAttempt = 0;
  private readonly fractions = new Map<string, number>();

  constructor(readonly clientId: string) {}

  /** Opens the socket to `baseUrl` if it is not open (and not tried within RECONNECT_MS). */
  watch(baseUrl: string, promptId: string): void {
    if (!this.fractions.has(promptId)) this.fractions.set(promptId, 0);
    if (this.socket || Date.now() - this.lastAttempt < RECONNECT_MS) return;
    this.lastAttempt = Date.now();
    let url: URL;
    try {
      url = new URL(baseUrl.replace(/\/+$/, '') + '/ws');
    } catch {
      return;
    }
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('clientId', this.clientId);
    const ws = new WebSocket(url, { handshakeTimeout: 5000 });
    this.socket = ws;
    const unref = (): void => {
      // The underlying net.Socket: an idle progress socket must not hold the event loop open.
      (ws as unknown as { _socket?: { unref?: () => void } })._socket?.unref?.();
    };
    ws.on('upgrade', unref);
    ws.on('open', unref);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onFrame(String(data));
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
    });
  }

  /** 0..1 for a watched prompt, undefined when nothing was heard. */
  fraction(promptId: string): number | undefined {
    return this.fractions.get(promptId);
  }

  forget(promptId: string): void {
    this.fractions.delete(promptId);
    if (this.fractions.size === 0) this.close();
  }

  close(): void {
    this.socket?.terminate();
    this.socket = null;
  }

  private onFrame(text: string): void {
    let msg: { type?: string; data?: { prompt_id?: string; value?: number; max?: number } };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    const id = msg.data?.prompt_id;
    if (msg.type !== 'progress' || !id || !this.fractions.has(id)) return;
    const { value, max } = msg.data ?? {};
    if (typeof value === 'number' && typeof max === 'number' && max > 0) {
      // Sampling is most of the render; hold back the last 5% for decode and save.
      this.fractions.set(id, Math.min(0.95, Math.max(this.fractions.get(id) ?? 0, (value / max) * 0.95)));
    }
  }
}
