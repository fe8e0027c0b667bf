import { useMemo } from 'react';
import { orderServices } from '../stores/service-status';
import { useHealth } from '../stores/stores-context';
import { OverallStatus } from './overview/OverallStatus';
import { RecentRecoveries } from './services/RecentRecoveries';
import { ServiceCard } from './services/ServiceCard';
import { StageControls } from './StageControls';

/** Every service Lifeline depends on: health, history, breakers and the buttons that repair them. */
export function ServicesView() {
  const snapshot = useHealth((s) => s.snapshot);
  const history = useHealth((s) => s.history);
  const breakers = useHealth((s) => s.breakers);
  const events = useHealth((s) => s.events);
  const loaded = useHealth((s) => s.loaded);
  const checking = useHealth((s) => s.checking);
  const checkError = useHealth((s) => s.checkError);
  const checkNow = useHealth((s) => s.checkNow);
  const ordered = useMemo(() => orderServices(snapshot?.services ?? []), [snapshot]);
  const needsYou = ordered.filter((s) => s.needsYou);
  const rest = ordered.filter((s) => !s.needsYou);
  const card = (name: string) => {
    const s = ordered.find((x) => x.name === name)!;
    return (
      <ServiceCard
        key={s.name}
        service={s}
        history={history[s.name] ?? []}
        breaker={breakers.find((b) => b.name === s.name)}
        events={events.filter((e) => e.service === s.name).slice(0, 10)}
      />
    );
  };
  return (
    <section className="view" aria-labelledby="view-heading">
      <header className="view-header">
        <h2 id="view-heading" tabIndex={-1}>
          Services
        </h2>
        <button type="button" className="button-quiet" onClick={() => void checkNow()} disabled={checking}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </header>
      <p className="lede">
        What Lifeline depends on, checked on its own every half minute or so, and every few seconds while one is down. A
        service that fails its check or its real calls holds its items: they wait (nothing is lost, no attempt is
        spent), automatic recovery tries to bring it back, and it is used again within seconds of answering.
      </p>
      {checkError && <p className="message message-error">Could not run the checks. {checkError}</p>}
      <OverallStatus linkToServices={false} />
      <StageControls />
      {needsYou.length > 0 && (
        <section className="needs-you" aria-labelledby="needs-you-heading">
          <h3 id="needs-you-heading">Needs you</h3>
          <p className="hint">
            Automatic recovery gave up on {needsYou.length === 1 ? 'this service' : 'these services'}. Fix the cause,
            then press Trigger recovery.
          </p>
          {needsYou.map((s) => card(s.name))}
        </section>
      )}
      {loaded && ordered.length === 0 && (
        <p className="empty">
          No services are checked yet. They appear once the engine has started; press Check now to check them at once.
        </p>
      )}
      {rest.length > 0 && (
        <section aria-label={needsYou.length > 0 ? 'Other services' : 'All services'} className="service-list">
          {rest.map((s) => card(s.name))}
        </section>
      )}
      <RecentRecoveries />
    </section>
  );
}
