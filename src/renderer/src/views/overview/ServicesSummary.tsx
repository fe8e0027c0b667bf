import { HealthStrip } from '../../components/HealthStrip';
import { StatusDot } from '../../components/StatusDot';
import { routeHref } from '../../navigation/use-hash-route';
import {
  formatPercent,
  orderServices,
  serviceStatusLabels,
  serviceTone,
  uptimeHint,
} from '../../stores/service-status';
import { useHealth } from '../../stores/stores-context';

/** Every service in one line each, with its recent checks; the Services screen has the rest. */
export function ServicesSummary() {
  const services = useHealth((s) => s.snapshot?.services ?? null);
  const history = useHealth((s) => s.history);
  if (!services) return null;
  return (
    <section className="panel" aria-labelledby="services-summary-heading">
      <div className="panel-head">
        <h3 id="services-summary-heading">Services</h3>
        <a href={routeHref({ name: 'services' })}>Details, breakers and recovery</a>
      </div>
      {services.length === 0 ? (
        <p className="unavailable">No services are checked yet; they appear here once the engine has started.</p>
      ) : (
        <ul className="services-summary">
          {orderServices(services).map((s) => (
            <li key={s.name} className="services-summary-row">
              <StatusDot tone={serviceTone(s)} />
              {/* Plain text: a link per service would share its name with the nav ("Dead letters"); the heading's link leads on. */}
              <span className="services-summary-name">{s.label}</span>
              <span className={`services-summary-status tone-text-${serviceTone(s)}`}>
                {s.needsYou ? 'Needs you' : serviceStatusLabels[s.status]}
              </span>
              <HealthStrip history={history[s.name] ?? []} label={`${s.label}, recent checks`} max={30} />
              <span className="services-summary-uptime" title={uptimeHint}>
                {formatPercent(s.uptimePercent)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
