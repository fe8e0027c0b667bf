import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ModelEntry, ModelList } from '../../../shared/contract';
import type { Logger } from '../../log/logger';
import {
  downloadWhisperModel,
  installedModels,
  whisperCatalogue,
  whisperModelFile,
  type WhisperModelInfo,
} from './whisper-models';

/** The settings the model manager reads and writes (the settings service, adapted by the composition root). */
export interface ModelSettings {
  /** The `whisper.model` setting: a chosen file, or '' for the best installed one. */
  chosenModel(): string;
  /** The `asr.engine` setting. */
  asrEngine(): string;
  /** Writes settings (validated there); null resets one to its default. */
  write(changes: Record<string, string | null>): void;
}

export interface ModelManagerOptions {
  modelsDir: string;
  settings: ModelSettings;
  log: Logger;
  /** The models offered for download; default: the built-in catalogue (or $LIFELINE_MODEL_CATALOGUE). */
  catalogue?: readonly WhisperModelInfo[];
  /** Progress is told at most this often, ms (default 250). */
  progressEveryMs?: number;
}

/** A model name the caller must fix (not in the catalogue, not installed, busy). */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  constructor(
    readonly kind: 'not-found' | 'invalid-state',
    message: string,
  ) {
    super(message);
  }
}

export function isModelError(e: unknown): e is ModelError {
  return e instanceof ModelError;
}

const CatalogueFile = z.array(
  z.object({
    name: z.string().min(1),
    file: z.string().regex(/^ggml-[\w.-]+\.bin$/),
    url: z.string().url(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    megabytes: z.number().positive(),
  }),
);

/**
 * The catalogue: built in, or a JSON file named by $LIFELINE_MODEL_CATALOGUE (a mirror, or your own
 * models; same fields as the built-in one, every file's SHA-256 still checked). A bad file is an error
 * said at once, not a silent fall-back.
 */
export function modelCatalogue(env: NodeJS.ProcessEnv): readonly WhisperModelInfo[] {
  const file = env.LIFELINE_MODEL_CATALOGUE;
  if (!file) return whisperCatalogue;
  const parsed = CatalogueFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `LIFELINE_MODEL_CATALOGUE ${file} is not a model list: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  return parsed.data;
}

interface Download {
  abort: AbortController;
  received: number;
  total: number | null;
  done: Promise<string>;
  /** Settles (never rejects) once the download ended and the manager's own state says so. */
  settled: Promise<void>;
}

/**
 * The whisper models on this machine: download (resumable, checksum verified before use), cancel,
 * choose and remove. Downloads run in this process; `changed` tells the UI, throttled while bytes flow.
 */
export class ModelManager extends EventEmitter<{ changed: [models: ModelEntry[]] }> {
  private readonly downloads = new Map<string, Download>();
  private readonly errors = new Map<string, string>();
  private readonly catalogue: readonly WhisperModelInfo[];
  private lastToldAt = 0;

  constructor(private readonly options: ModelManagerOptions) {
    super();
    this.catalogue = options.catalogue ?? whisperCatalogue;
  }

  list(): ModelList {
    const installed = installedModels(this.options.modelsDir);
    const inUse = whisperModelFile(this.options.settings.chosenModel(), this.options.modelsDir);
    const names = [...new Set([...this.catalogue.map((m) => m.name), ...installed.map((m) => m.name)])];
    const models = names.map((name): ModelEntry => {
      const info = this.catalogue.find((m) => m.name === name);
      const file = installed.find((m) => m.name === name);
      const download = this.downloads.get(name);
      const part = info ? this.partBytes(info) : 0;
      const state = download ? 'downloading' : file ? 'installed' : part > 0 ? 'partial' : 'available';
      return {
        name,
        megabytes: info?.megabytes ?? Math.round((file?.bytes ?? 0) / 1e6),
        state,
        receivedBytes: download ? download.received : file ? file.bytes : part,
        totalBytes: download ? download.total : file ? file.bytes : null,
        inUse: file !== undefined && inUse !== null && path.resolve(file.file) === path.resolve(inUse),
        inCatalogue: info !== undefined,
        error: this.errors.get(name) ?? null,
      };
    });
    return { models, dir: this.options.modelsDir };
  }

  /** Starts or resumes a download; resolves at once with its entry. `finished(name)` waits for the end. */
  download(name: string): ModelEntry {
    const info = this.catalogue.find((m) => m.name === name);
    if (!info)
      throw new ModelError(
        'not-found',
        `there is no model "${name}" to download; the list has ${this.catalogue.map((m) => m.name).join(', ')}`,
      );
    if (this.entry(name).state === 'installed')
      throw new ModelError('invalid-state', `model ${name} is already downloaded`);
    if (!this.downloads.has(name)) {
      const abort = new AbortController();
      const d: Download = {
        abort,
        received: this.partBytes(info),
        total: null,
        done: Promise.resolve(''),
        settled: Promise.resolve(),
      };
      this.errors.delete(name);
      d.done = downloadWhisperModel(info, this.options.modelsDir, {
        signal: abort.signal,
        onProgress: (p) => {
          d.received = p.receivedBytes;
          d.total = p.totalBytes;
          this.tell(false);
        },
      });
      this.downloads.set(name, d);
      d.settled = d.done
        .then(() => this.options.log.info({ model: name }, 'model downloaded and verified'))
        .catch((err: unknown) => {
          if (abort.signal.aborted) return;
          const message = err instanceof Error ? err.message : String(err);
          this.errors.set(name, message);
          this.options.log.warn({ model: name, err: message }, 'model download failed');
        })
        .finally(() => {
          // A cancel followed by a new download of the same model must not lose the new one.
          if (this.downloads.get(name) === d) this.downloads.delete(name);
          this.tell(true);
        });
      this.tell(true);
    }
    return this.entry(name);
  }

  /** Waits for a running download of `name` to end; rejects with its error (null when none runs). */
  finished(name: string): Promise<string> | null {
    const d = this.downloads.get(name);
    return d ? d.settled.then(() => d.done) : null;
  }

  /**
   * Stops a running download, keeping what arrived. One that ended as Cancel was on its way (finished,
   * failed) is left as it is and its entry returned: the page showed it downloading a moment ago.
   */
  cancel(name: string): ModelEntry {
    const d = this.downloads.get(name);
    if (!d) return this.entry(name);
    d.abort.abort(new Error('cancelled'));
    this.downloads.delete(name);
    this.tell(true);
    return this.entry(name);
  }

  use(name: string): ModelEntry {
    const file = installedModels(this.options.modelsDir).find((m) => m.name === name);
    if (!file) throw new ModelError('invalid-state', `model ${name} is not downloaded; download it first`);
    const engine = this.options.settings.asrEngine();
    // Choosing a model means transcribing with whisper: "auto" already does once a model is there.
    this.options.settings.write({
      'whisper.model': file.file,
      ...(engine === 'auto' || engine === 'whisper' ? {} : { 'asr.engine': 'whisper' }),
    });
    this.tell(true);
    return this.entry(name);
  }

  remove(name: string): ModelEntry {
    if (this.downloads.has(name))
      throw new ModelError('invalid-state', `model ${name} is downloading; cancel it first`);
    const entry = this.entry(name);
    const info = this.catalogue.find((m) => m.name === name);
    const file = installedModels(this.options.modelsDir).find((m) => m.name === name);
    if (!file && !(info && this.partBytes(info) > 0))
      throw new ModelError('not-found', `model ${name} is not on this computer`);
    if (entry.inUse && this.options.settings.chosenModel()) this.options.settings.write({ 'whisper.model': null });
    if (file) fs.rmSync(file.file, { force: true });
    if (info) fs.rmSync(this.partFile(info), { force: true });
    this.errors.delete(name);
    this.tell(true);
    return this.entry(name);
  }

  /** Stops every download (their parts are kept for the next start). */
  stop(): void {
    for (const d of this.downloads.values()) d.abort.abort(new Error('stopping'));
    this.downloads.clear();
  }

  private entry(name: string): ModelEntry {
    const found = this.list().models.find((m) => m.name === name);
    if (!found) throw new ModelError('not-found', `there is no model "${name}"`);
    return found;
  }

  private partFile(info: WhisperModelInfo): string {
    return path.join(this.options.modelsDir, `${info.file}.part`);
  }

  private partBytes(info: WhisperModelInfo): number {
    try {
      return fs.statSync(this.partFile(info)).size;
    } catch {
      return 0;
    }
  }

  private tell(now: boolean): void {
    const t = Date.now();
    if (!now && t - this.lastToldAt < (this.options.progressEveryMs ?? 250)) return;
    this.lastToldAt = t;
    this.emit('changed', this.list().models);
  }
}
