// Runs in the AudioWorklet thread: copies the microphone's samples out in ~100 ms batches. Kept
// tiny on purpose; converting, metering and sending happen on the page's side.

declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;
declare const sampleRate: number;

class PcmCaptureProcessor extends AudioWorkletProcessor {
  private batch = new Float32Array(Math.round(sampleRate / 10));
  private filled = 0;

  constructor() {
    super();
    this.port.onmessage = (ev: MessageEvent) => {
      if (ev.data === 'flush') {
        this.send();
        this.port.postMessage('flushed');
      }
    };
  }

  private send(): void {
    if (this.filled === 0) return;
    const out = this.batch.slice(0, this.filled);
    this.port.postMessage(out, [out.buffer]);
    this.filled = 0;
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    if (channel) {
      let at = 0;
      while (at < channel.length) {
        const n = Math.min(channel.length - at, this.batch.length - this.filled);
        this.batch.set(channel.subarray(at, at + n), this.filled);
        this.filled += n;
        at += n;
        if (this.filled === this.batch.length) this.send();
      }
    }
    return true;
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);
