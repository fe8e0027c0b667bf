import { useEffect, useRef, type ReactNode } from 'react';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { TokenNotice } from './components/TokenNotice';
import { routeHref, useHashRoute, type Route } from './navigation/use-hash-route';
import { useConnection, useOverview } from './stores/stores-context';
import { DeadLettersView } from './views/DeadLettersView';
import { OverviewView } from './views/OverviewView';

function NavLink({ route, current, children }: { route: Route; current: Route; children: ReactNode }) {
  return (
    <a href={routeHref(route)} aria-current={route === current ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function App() {
  const route = useHashRoute();
  const status = useConnection((s) => s.status);
  const start = useConnection((s) => s.start);
  const deadCount = useOverview((s) => s.overview?.totals.dead ?? 0);

  useEffect(() => start(), [start]);

  // After a switch of view, keyboard and screen-reader users land on the new view's heading.
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById('view-heading')?.focus();
  }, [route]);

  if (status === 'unauthorized') return <TokenNotice reason="refused" />;

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Lifeline</h1>
        <nav aria-label="Views" className="app-nav">
          <NavLink route="overview" current={route}>
            Overview
          </NavLink>
          <NavLink route="dead-letters" current={route}>
            Dead letters
            {deadCount > 0 && (
              <span className="badge">{deadCount}</span>
            )}
          </NavLink>
        </nav>
        <ConnectionIndicator />
      </header>
      <main className="app-main">{route === 'overview' ? <OverviewView /> : <DeadLettersView />}</main>
    </div>
  );
}
