import { z } from 'zod';
import type { TranscriptSegment } from '../../../shared/contract';
import { durationOf, type PcmAudio } from '../audio/pcm-audio';
import { encodeWav } from '../audio/wav-write';
import { probeModelList } from '../http/endpoint-probe';
import { httpRequest } from '../http/http-request';
import { serviceError } from '../../engine/stage-error';
import type { Availability, StageService } from '../../engine/stage-handler';
import { cleanText, type AsrEngine, type TranscribeOptions } from './asr-engine';
import { tinyTranscription } from './asr-probes';

/** `verbose_json` from OpenAI-compatible servers and whisper.cpp's server; plain `json` has text only. */
const TranscriptionReply = z.object({
  text: z.string().default(''),
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })).optional(),
});

export interface HttpAsrOptions {
  /** Which wire protocol: OpenAI `/v1/audio/transcriptions` or whisper.cpp server `/inference`. */
  flavour: 'openai' | 'whisper-server';
  /** Server base URL ($LIFELINE_ASR_URL), e.g. http://127.0.0.1:8080. */
  url: string | undefined;
  /** Bearer token ($LIFELINE_ASR_KEY), optional. */
  apiKey?: string;
  /** Model name sent to OpenAI-compatible servers ($LIFELINE_ASR_MODEL). Default whisper-1. */
  model?: string;
  /** Spoken language hint (ISO 639-1), optional. */
  language?: string;
  /** Per chunk, ms. Default 120000 + 4 × the chunk's length. */
  timeoutMs?: number;
}

export function endpointUrl(flavour: HttpAsrOptions['flavour'], base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (flavour === 'whisper-server') return trimmed.endsWith('/inference') ? trimmed : `${trimmed}/inference`;
  if (trimmed.endsWith('/audio/transcriptions')) return trimmed;
  return trimmed.endsWith('/v1') ? `${trimmed}/audio/transcriptions` : `${trimmed}/v1/audio/transcriptions`;
}

/**
 * A transcription server reached over HTTP: any OpenAI-compatible `/v1/audio/transcriptions`
 * (multipart: file, model, response_format) or whisper.cpp's own server (`POST /inference`).
 */
export class HttpAsrEngine implements AsrEngine {
  readonly name: string;
  /** Present once a URL is configured: a server that can fail, so it gets a breaker and a health check. */
  readonly service: StageService | undefined;
  constructor(private readonly o: HttpAsrOptions) {
    this.name = o.flavour === 'openai' ? `openai:${o.model ?? 'whisper-1'}` : 'whisper-server';
    const url = o.url;
    const label = o.flavour === 'openai' ? 'Speech recognition server' : 'Whisper server';
    // The probe is real work: whisper.cpp's server transcribes a moment of silence (it has no model
    // list); an OpenAI-compatible server must list the model.
    const probe =
      o.flavour === 'whisper-server'
        ? tinyTranscription(this)
        : (signal: AbortSignal) =>
            probeModelList(
              {
                flavour: 'openai',
                url: url!,
                model: o.model ?? 'whisper-1',
                apiKey: o.apiKey,
                service: 'ASR',
                what: `the ${label.toLowerCase()} at ${new URL(url!).origin}`,
              },
              signal,
            );
    this.service =
      url && this.availability().ok ? { name: 'asr', label, kind: 'http-endpoint', required: true, probe } : undefined;
  }

  availability(): Availability {
    if (!this.o.url)
      return { ok: false, reason: `no ASR server configured: set LIFELINE_ASR_URL for the ${this.o.flavour} engine` };
    try {
      new URL(this.o.url);
    } catch {
      return { ok: false, reason: `LIFELINE_ASR_URL is not a URL: "${this.o.url}"` };
    }
    return { ok: true };
  }

  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    if (!this.o.url) throw serviceError('ASR_UNAVAILABLE', 'no ASR server configured (LIFELINE_ASR_URL)');
    const url = endpointUrl(this.o.flavour, this.o.url);
    const form = new FormData();
    form.append('file', new Blob([encodeWav(audio.samples, audio.sampleRate)], { type: 'audio/wav' }), 'chunk.wav');
    form.append('response_format', 'verbose_json');
    form.append('temperature', '0');
    if (this.o.flavour === 'openai') form.append('model', this.o.model ?? 'whisper-1');
    if (this.o.language) form.append('language', this.o.language);
    const headers: Record<string, string> = {};
    if (this.o.apiKey) headers.authorization = `Bearer ${this.o.apiKey}`;
    const what = `${this.o.flavour === 'openai' ? 'the ASR server' : 'the whisper server'} at ${new URL(url).origin}`;
    const { body } = await httpRequest(
      url,
      { method: 'POST', body: form, headers },
      {
        service: 'ASR',
        what,
        timeoutMs: this.o.timeoutMs ?? 120_000 + 4_000 * durationOf(audio),
        signal: options.signal,
      },
    );
    let parsed;
    try {
      parsed = TranscriptionReply.safeParse(JSON.parse(body));
    } catch {
      parsed = undefined;
    }
    // A server that answers 200 with something else is broken, not the audio: a service fault.
    if (!parsed?.success)
      throw serviceError(
        'ASR_BAD_REPLY',
        `${what} answered with something that is not a transcription: ${body.slice(0, 120)}`,
      );
    const reply = parsed.data;
    const segments = reply.segments
      ?.map((s) => ({ start: s.start, end: s.end, text: cleanText(s.text) }))
      .filter((s) => s.text.length > 0);
    if (segments && segments.length > 0) return segments;
    const text = cleanText(reply.text);
    return text ? [{ start: 0, end: durationOf(audio), text }] : [];
  }
}
