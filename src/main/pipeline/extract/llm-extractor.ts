import { z } from 'zod';
import type { Memory, Transcript } from '../../../shared/contract';
import { probeModelList } from '../http/endpoint-probe';
import { httpRequest } from '../http/http-request';
import { permanentError, serviceError } from '../../engine/stage-error';
import type { Availability, StageService } from '../../engine/stage-handler';
import type { ExtractOptions, MemoryExtractor } from './memory-extractor';
import { extractionMessages, llmReplySchema, parseLlmReply } from './llm-reply';

export interface LlmExtractorOptions {
  /** Wire protocol: Ollama `/api/chat` or OpenAI-compatible `/v1/chat/completions`. */
  flavour: 'ollama' | 'openai';
  /** Base URL ($LIFELINE_LLM_URL). Default http://127.0.0.1:11434 for Ollama; required for openai. */
  url?: string;
  /** $LIFELINE_LLM_MODEL. Default llama3.2 (Ollama) / gpt-4o-mini (OpenAI). */
  model?: string;
  /** $LIFELINE_LLM_KEY, sent as a Bearer token. */
  apiKey?: string;
  /** Per request, ms. Default 120000. */
  timeoutMs?: number;
}

const OllamaChatReply = z.object({ message: z.object({ content: z.string() }) });
const OpenAiChatReply = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

function chatUrl(flavour: LlmExtractorOptions['flavour'], base: string): string {
  const b = base.replace(/\/+$/, '');
  if (flavour === 'ollama') return b.endsWith('/api/chat') ? b : `${b}/api/chat`;
  if (b.endsWith('/chat/completions')) return b;
  return b.endsWith('/v1') ? `${b}/chat/completions` : `${b}/v1/chat/completions`;
}

/**
 * Memory extraction by a language model: Ollama (`format` = the memory JSON Schema) or any
 * OpenAI-compatible chat server (`response_format` json_schema). The answer is validated with zod;
 * an invalid one is asked for once more, then the item fails with a permanent LLM_BAD_OUTPUT.
 */
export class LlmExtractor implements MemoryExtractor {
  readonly name: string;
  private readonly url: string | undefined;
  private readonly model: string;
  /** The server, once there is an address: it gets a breaker, a health entry and auto-recovery (re-probe). */
  readonly service: StageService | undefined;

  constructor(private readonly o: LlmExtractorOptions) {
    this.url = o.url ?? (o.flavour === 'ollama' ? 'http://127.0.0.1:11434' : undefined);
    this.model = o.model ?? (o.flavour === 'ollama' ? 'llama3.2' : 'gpt-4o-mini');
    this.name = `${o.flavour}:${this.model}`;
    const url = this.url;
    const label = o.flavour === 'ollama' ? 'Ollama server' : 'Language model server';
    // The probe proves the model is there (Ollama's /api/tags, OpenAI's /v1/models), not just the server.
    const probe = (signal: AbortSignal) =>
      probeModelList(
        {
          flavour: o.flavour,
          url: url!,
          model: this.model,
          apiKey: o.apiKey,
          service: 'LLM',
          what: `the ${label.toLowerCase()} at ${new URL(url!).origin}`,
        },
        signal,
      );
    this.service =
      url && URL.canParse(url) ? { name: 'llm', label, kind: 'http-endpoint', required: true, probe } : undefined;
  }

  availability(): Availability {
    if (!this.url)
      return {
        ok: false,
        reason: `no LLM server configured: set LIFELINE_LLM_URL for the ${this.o.flavour} extractor`,
      };
    return { ok: true };
  }

  private async ask(transcript: Transcript, options: ExtractOptions): Promise<string> {
    const url = chatUrl(this.o.flavour, this.url!);
    const messages = extractionMessages(transcript, options.recordedAt);
    const body =
      this.o.flavour === 'ollama'
        ? { model: this.model, messages, stream: false, format: llmReplySchema, options: { temperature: 0 } }
        : {
            model: this.model,
            messages,
            temperature: 0,
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'memories', schema: llmReplySchema, strict: true },
            },
          };
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.o.apiKey) headers.authorization = `Bearer ${this.o.apiKey}`;
    const what = `the ${this.o.flavour === 'ollama' ? 'Ollama' : 'LLM'} server at ${new URL(url).origin}`;
    const res = await httpRequest(
      url,
      { method: 'POST', headers, body: JSON.stringify(body) },
      {
        service: 'LLM',
        what,
        timeoutMs: this.o.timeoutMs ?? 120_000,
        signal: options.signal,
      },
    );
    let envelope: unknown;
    try {
      envelope = JSON.parse(res.body);
    } catch {
      // A 200 whose body is not JSON: the server is broken, not the transcript.
      throw serviceError('LLM_BAD_REPLY', `${what} answered with something that is not JSON: ${res.body.slice(0, 80)}`);
    }
    if (this.o.flavour === 'ollama') {
      const r = OllamaChatReply.safeParse(envelope);
      if (!r.success) throw serviceError('LLM_BAD_REPLY', `${what} answered without a chat message`);
      return r.data.message.content;
    }
    const r = OpenAiChatReply.safeParse(envelope);
    if (!r.success) throw serviceError('LLM_BAD_REPLY', `${what} answered without a chat choice`);
    return r.data.choices[0]!.message.content ?? '';
  }

  async extract(transcript: Transcript, options: ExtractOptions): Promise<Memory[]> {
    if (!this.url) throw serviceError('LLM_UNAVAILABLE', 'no LLM server configured (LIFELINE_LLM_URL)');
    if (transcript.segments.length === 0) return [];
    let why = '';
    for (let attempt = 1; attempt <= 2; attempt++) {
      const parsed = parseLlmReply(await this.ask(transcript, options), transcript);
      if (parsed.ok) return parsed.memories;
      why = parsed.why;
    }
    throw permanentError('LLM_BAD_OUTPUT', `${this.name} twice answered with invalid memories: ${why}`);
  }
}
