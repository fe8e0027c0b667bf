import { useEffect } from 'react';
import type { ModelEntry } from '../../../../shared/contract';
import { missingCase } from '../../../../shared/missing-case';
import { useModels } from '../../stores/stores-context';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;

function status(m: ModelEntry): string {
  switch (m.state) {
    case 'installed':
      return m.inUse ? 'In use' : 'Downloaded';
    case 'downloading':
      return m.totalBytes
        ? `Downloading: ${mb(m.receivedBytes)} of ${mb(m.totalBytes)}`
        : `Downloading: ${mb(m.receivedBytes)}`;
    case 'partial':
      return `Paused at ${mb(m.receivedBytes)}; Download resumes from there`;
    case 'available':
      return 'Not downloaded';
    default:
      return missingCase(m.state);
  }
}

/** One model: its state, a progress bar while it downloads, and what can be done with it. */
function ModelRow({ model }: { model: ModelEntry }) {
  const busy = useModels((s) => s.busy[model.name] === true);
  const download = useModels((s) => s.download);
  const cancel = useModels((s) => s.cancel);
  const use = useModels((s) => s.use);
  const remove = useModels((s) => s.remove);
  const percent =
    model.state === 'downloading' && model.totalBytes
      ? Math.floor((model.receivedBytes / model.totalBytes) * 100)
      : null;
  const rowId = `model-${model.name.replace(/[^\w-]/g, '-')}`;
  return (
    <li className={`model model-${model.state}`} aria-labelledby={`${rowId}-name`}>
      <div className="model-about">
        <strong id={`${rowId}-name`}>{model.name}</strong> <span className="model-size">{model.megabytes} MB</span>
        <p className="model-status" aria-live="polite">
          {status(model)}
        </p>
        {model.state === 'downloading' && (
          <div
            className={`progress-track${percent === null ? ' progress-indeterminate' : ''}`}
            role="progressbar"
            aria-label={`Download of ${model.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
          >
            <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} />
          </div>
        )}
        {model.error && (
          <p className="message message-error model-error" role="alert">
            Download failed: {model.error}
          </p>
        )}
      </div>
      <div className="model-actions">
        {(model.state === 'available' || model.state === 'partial') && model.inCatalogue && (
          <button type="button" disabled={busy} onClick={() => void download(model.name)}>
            {model.state === 'partial' ? `Resume ${model.name}` : `Download ${model.name}`}
          </button>
        )}
        {model.state === 'downloading' && (
          <button type="button" className="button-quiet" disabled={busy} onClick={() => void cancel(model.name)}>
            Cancel download
          </button>
        )}
        {model.state === 'installed' && !model.inUse && (
          <button type="button" disabled={busy} onClick={() => void use(model.name)}>
            Use {model.name}
          </button>
        )}
        {(model.state === 'installed' || model.state === 'partial') && (
          <button type="button" className="button-quiet" disabled={busy} onClick={() => void remove(model.name)}>
            Delete {model.name}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Whisper models: what can be downloaded (resumable, its checksum verified before it is used), which
 * one transcription uses, and deleting what is not wanted. Progress is pushed, nothing is polled.
 */
export function ModelsPanel() {
  const models = useModels((s) => s.models);
  const dir = useModels((s) => s.dir);
  const loaded = useModels((s) => s.loaded);
  const error = useModels((s) => s.error);
  const load = useModels((s) => s.load);
  useEffect(() => void load(), [load]);
  return (
    <section id="settings-models" className="panel settings-group" aria-labelledby="settings-models-heading">
      <h3 id="settings-models-heading" tabIndex={-1}>
        Speech models
      </h3>
      <p className="setting-doc">
        Whisper transcribes better than the built-in pocketsphinx engine once a model is downloaded. Smaller models are
        faster; a download can be paused and resumed, and its checksum is verified before it is used.
      </p>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      {!loaded && <p className="placeholder">Loading models…</p>}
      <ul className="models" aria-label="Speech models">
        {models.map((m) => (
          <ModelRow key={m.name} model={m} />
        ))}
      </ul>
      {dir && (
        <p className="setting-meta">
          Models folder: <code>{dir}</code>
        </p>
      )}
    </section>
  );
}
