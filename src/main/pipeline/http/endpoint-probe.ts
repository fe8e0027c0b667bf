import { z } from 'zod';
import { serviceError } from '../../engine/stage-error';
import { httpRequest } from './http-request';
import type { ServiceName } from './service-failure-policy';

/** Long enough for a loaded server; the health probe's own timeout (its signal) usually ends it first. */
const probeTimeoutMs = 60_000;

const OpenAiModels = z.object({ data: z.array(z.object({ id: z.string() })) });
const OllamaTags = z.object({ models: z.array(z.object({ name: z.string() })) });

function modelsUrl(flavour: 'openai' | 'ollama', base: string): string {
  const origin = new URL(base).origin;
  if (flavour === 'ollama') return `${origin}/api/tags`;
  // An OpenAI-compatible base may carry a path prefix (…/v1): the model list sits beside the calls.
  const trimmed = base.replace(/\/+$/, '').replace(/\/(audio\/transcriptions|chat\/completions)$/, '');
  return trimmed.endsWith('/v1') ? `${trimmed}/models` : `${trimmed}/v1/models`;
}

/** Ollama names a model "llama3.2:latest" when it was pulled as "llama3.2". */
const sameModel = (listed: string, wanted: string) =>
  listed === wanted || (!wanted.includes(':') && listed === `${wanted}:latest`);

/**
 * The cheapest request that proves the server can do the work: its model list (OpenAI-compatible
 * `GET /v1/models`, Ollama `GET /api/tags`) names the configured model. A server that answers its
 * front door but has no such model fails here, as every real call would.
 */
export async function probeModelList(
  o: { flavour: 'openai' | 'ollama'; url: string; model: string; apiKey?: string; service: ServiceName; what: string },
  signal: AbortSignal,
): Promise<void> {
  const url = modelsUrl(o.flavour, o.url);
  const headers: Record<string, string> = o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {};
  const { body } = await httpRequest(
    url,
    { method: 'GET', headers },
    { service: o.service, what: o.what, timeoutMs: probeTimeoutMs, signal },
  );
  let names: string[] | undefined;
  try {
    const json: unknown = JSON.parse(body);
    const openai = OpenAiModels.safeParse(json);
    const ollama = OllamaTags.safeParse(json);
    names = openai.success
      ? openai.data.data.map((m) => m.id)
      : ollama.success
        ? ollama.data.models.map((m) => m.name)
        : undefined;
  } catch {
    names = undefined;
  }
  if (!names)
    throw serviceError(
      `${o.service}_BAD_REPLY`,
      `${o.what} answered ${new URL(url).pathname} with something that is not a model list`,
    );
  if (!names.some((n) => sameModel(n, o.model))) {
    const listed =
      names.length > 0 ? `it has ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}` : 'it has none';
    throw serviceError(`${o.service}_MODEL_MISSING`, `${o.what} does not have the model "${o.model}" (${listed})`);
  }
}
