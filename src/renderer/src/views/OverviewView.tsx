import { itemStates, stages, type ItemState, type Overview } from '../../../shared/contract';
import { stageLabels, stateLabels } from '../format/labels';
import { useOverview } from '../stores/stores-context';
import { OverallStatus } from './overview/OverallStatus';
import { RecoveryFigures } from './overview/RecoveryFigures';
import { ServicesSummary } from './overview/ServicesSummary';
import { ThroughputPanel } from './overview/ThroughputPanel';
import { RunningNow } from './RunningNow';
import { StageControls } from './StageControls';
import { WatchFolderPanel } from './WatchFolderPanel';
import { ErrorMessage } from '../components/ErrorMessage';

const inProgressStates: readonly ItemState[] = ['queued', 'scheduled', 'running', 'retry_scheduled'];

function Figure({ label, value, tone }: { label: string; value: number; tone?: 'good' | 'warn' | 'bad' }) {
  const id = `figure-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div role="group" aria-labelledby={id} className={`figure${tone && value > 0 ? ` figure-${tone}` : ''}`}>
      <span id={id} className="figure-label">
        {label}
      </span>{' '}
      <span className="figure-value">{value}</span>
    </div>
  );
}

function Figures({ overview }: { overview: Overview }) {
  const { totals } = overview;
  const inProgress = inProgressStates.reduce((sum, s) => sum + (totals[s] ?? 0), 0);
  return (
    <div className="figures">
      <Figure label="Items" value={overview.items} />
      <Figure label="In progress" value={inProgress} />
      <Figure label="Waiting" value={totals.waiting ?? 0} tone="warn" />
      <Figure label="Done" value={totals.done ?? 0} tone="good" />
      <Figure label="Dead letters" value={totals.dead ?? 0} tone="bad" />
    </div>
  );
}

function CountCell({ count, state }: { count: number; state: ItemState }) {
  const tone = count === 0 ? 'zero' : state === 'dead' ? 'bad' : state === 'waiting' ? 'warn' : 'some';
  return <td className={`count count-${tone}`}>{count}</td>;
}

function CountsTable({ overview }: { overview: Overview }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="counts-caption" tabIndex={0}>
      <table className="counts">
        <caption id="counts-caption">Items by stage and state</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            {itemStates.map((state) => (
              <th scope="col" key={state}>
                {stateLabels[state]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage}>
              <th scope="row">{stageLabels[stage]}</th>
              {itemStates.map((state) => (
                <CountCell key={state} state={state} count={overview.byStage[stage]?.[state] ?? 0} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All stages</th>
            {itemStates.map((state) => (
              <CountCell key={state} state={state} count={overview.totals[state] ?? 0} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Counts by stage and state, refreshed whenever the engine reports a change. */
export function OverviewView() {
  const overview = useOverview((s) => s.overview);
  const error = useOverview((s) => s.error);
  const refresh = useOverview((s) => s.refresh);
  return (
    <section className="view" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Overview
        </h2>
      </header>
      <OverallStatus linkToServices />
      {error && (
        <ErrorMessage action="Try again" onAction={() => void refresh()}>
          Could not load the counts. {error}
        </ErrorMessage>
      )}
      {overview === null ? (
        !error && <p className="placeholder">Loading counts…</p>
      ) : (
        <>
          <Figures overview={overview} />
          {overview.items === 0 && (
            <p className="empty">
              No recordings yet. Press <strong>Add files…</strong> or <strong>Record</strong> above, drop audio anywhere
              on this window, or run <code>lifeline add &lt;file&gt;</code>; it appears here as soon as it is stored.
            </p>
          )}
          <RunningNow />
          <StageControls />
          <div className="overview-columns">
            <ThroughputPanel />
            <RecoveryFigures />
          </div>
          <CountsTable overview={overview} />
          <ServicesSummary />
          <WatchFolderPanel />
        </>
      )}
    </section>
  );
}
