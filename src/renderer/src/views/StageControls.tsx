import type { StageInfo } from '../../../shared/contract';
import { ActionButton } from '../components/ActionButton';
import { stageLabels } from '../format/labels';
import { formatCount } from '../format/numbers';
import { stageHoldText, withLiveCounts } from '../format/stage-hold';
import { useOverview, useStages } from '../stores/stores-context';

function stageText(s: StageInfo): string {
  return (
    stageHoldText(s) ?? (s.running > 0 ? `runs: ${formatCount(s.running)} of at most ${s.concurrency} at once` : 'runs')
  );
}

/** Pause and Resume per stage and for everything; a paused or stopped stage says so with how many items wait. */
export function StageControls() {
  const asked = useStages((s) => s.stages);
  const overview = useOverview((s) => s.overview);
  const pending = useStages((s) => s.pending);
  const error = useStages((s) => s.error);
  const pause = useStages((s) => s.pause);
  const resume = useStages((s) => s.resume);
  const pauseAll = useStages((s) => s.pauseAll);
  const resumeAll = useStages((s) => s.resumeAll);
  if (asked === null) return error ? <p className="message message-error">Could not load the stages. {error}</p> : null;
  const stages = withLiveCounts(asked, overview);
  const busy = pending !== null ? 'A pause or resume is on its way' : null;
  const allPaused = stages.every((s) => s.paused);
  const nonePaused = stages.every((s) => !s.paused);
  return (
    <section className="panel stage-controls" aria-labelledby="stage-controls-heading">
      <header className="panel-head">
        <h3 id="stage-controls-heading">Stages</h3>
        <div className="header-actions">
          <ActionButton
            className="button-quiet"
            onClick={() => void pauseAll()}
            disabledReason={busy ?? (allPaused ? 'Every stage is paused already' : null)}
          >
            Pause all
          </ActionButton>
          <ActionButton
            className="button-quiet"
            onClick={() => void resumeAll()}
            disabledReason={busy ?? (nonePaused ? 'No stage is paused' : null)}
          >
            Resume all
          </ActionButton>
        </div>
      </header>
      {error && <p className="message message-error">{error}</p>}
      <ul className="stage-list">
        {stages.map((s) => (
          <li key={s.stage} className={`stage-row${s.heldBy ? ' stage-held' : ''}`}>
            <span className="stage-name">{stageLabels[s.stage]}</span>
            <span className="stage-state">{stageText(s)}</span>
            {s.paused ? (
              <ActionButton
                className="button-quiet"
                aria-label={`Resume ${stageLabels[s.stage]}`}
                onClick={() => void resume(s.stage)}
                disabledReason={busy}
              >
                Resume
              </ActionButton>
            ) : (
              <ActionButton
                className="button-quiet"
                aria-label={`Pause ${stageLabels[s.stage]}`}
                onClick={() => void pause(s.stage)}
                disabledReason={busy}
              >
                Pause
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
