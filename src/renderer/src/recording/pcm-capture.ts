import workletUrl from './pcm-capture-worklet.ts?worker&url';

/** The rate recordings are captured at: what speech recognisers want, and 1.9 MB a minute. */
export const captureSampleRate = 16_000;

export interface PcmCapture {
  readonly sampleRate: number;
  readonly channels: 1;
  /** Stops the microphone; resolves once the last samples were handed to `onSamples`. */
  stop(): Promise<void>;
}

/**
 * Captures the microphone as mono float samples at 16 kHz (the AudioContext resamples), in ~100 ms
 * batches, through an AudioWorklet (off the page's main thread, unlike ScriptProcessorNode).
 */
export async function startPcmCapture(onSamples: (samples: Float32Array) => void): Promise<PcmCapture> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  let context: AudioContext | null = null;
  try {
    context = new AudioContext({ sampleRate: captureSampleRate, latencyHint: 'interactive' });
    await context.audioWorklet.addModule(workletUrl);
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, 'pcm-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCount: 1,
      channelCountMode: 'explicit',
    });
    let flushed: (() => void) | null = null;
    node.port.onmessage = (ev: MessageEvent) => {
      if (ev.data === 'flushed') flushed?.();
      else if (ev.data instanceof Float32Array) onSamples(ev.data);
    };
    source.connect(node);
    const ctx = context;
    return {
      sampleRate: ctx.sampleRate,
      channels: 1,
      async stop() {
        source.disconnect();
        for (const track of stream.getTracks()) track.stop();
        await new Promise<void>((resolve) => {
          flushed = resolve;
          node.port.postMessage('flush');
          setTimeout(resolve, 500);
        });
        node.port.onmessage = null;
        await ctx.close();
      },
    };
  } catch (err: unknown) {
    for (const track of stream.getTracks()) track.stop();
    await context?.close().catch(() => {});
    throw err;
  }
}
