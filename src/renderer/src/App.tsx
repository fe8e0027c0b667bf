import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { TokenNotice } from './components/TokenNotice';
import { UndoBar } from './components/UndoBar';
import { AddFilesButton } from './intake/AddFilesButton';
import { DropZone } from './intake/DropZone';
import { IntakePanel } from './intake/IntakePanel';
import { RecordButton } from './intake/RecordButton';
import { routeHref, useHashRoute, type Route, type RouteName } from './navigation/use-hash-route';
import { StatusDot } from './components/StatusDot';
import { withLiveCounts } from './format/stage-hold';
import { overallHeadline } from './stores/service-status';
import { useConnection, useHealth, useOverview, useStages } from './stores/stores-context';
import { DeadLettersView } from './views/DeadLettersView';
import { ItemDetailView } from './views/ItemDetailView';
import { ItemsView } from './views/ItemsView';
import { MemoriesView } from './views/MemoriesView';
import { OverviewView } from './views/OverviewView';
import { SettingsView } from './views/SettingsView';
import { UpcomingView } from './views/UpcomingView';
import { ServicesView } from './views/ServicesView';

function NavLink({ to, current, children }: { to: Route; current: RouteName; children: ReactNode }) {
  const active = to.name === current || (to.name === 'items' && current === 'item');
  return (
    <a href={routeHref(to)} aria-current={active ? 'page' : undefined}>
      {children}
    </a>
  );
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <OverviewView />;
    case 'items':
      return <ItemsView addressQuery={route.query ?? ''} />;
    case 'item':
      return <ItemDetailView id={route.id} t={route.t} />;
    case 'dead-letters':
      return <DeadLettersView addressQuery={route.query ?? ''} />;
    case 'settings':
      return <SettingsView />;
    case 'memories':
      return <MemoriesView addressQuery={route.query ?? ''} />;
    case 'upcoming':
      return <UpcomingView />;
    case 'services':
      return <ServicesView />;
  }
}

/**
 * The hash holds the route (`#/items`), so the skip link cannot be a plain in-page anchor: it moves
 * focus to the main region without changing the address.
 */
function skipToContent(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('content')?.focus();
}

export function App() {
  const route = useHashRoute();
  const status = useConnection((s) => s.status);
  const start = useConnection((s) => s.start);
  const deadCount = useOverview((s) => s.overview?.totals.dead ?? 0);

  useEffect(() => start(), [start]);

  // After a switch of view, keyboard and screen-reader users land on the new view's heading.
  const routeKey = route.name === 'item' ? `item-${route.id}` : route.name;
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    document.getElementById('view-heading')?.focus();
  }, [routeKey]);

  if (status === 'unauthorized') return <TokenNotice reason="refused" />;

  return (
    <div className="app">
      {/* The first stop for the keyboard: past the header's links and buttons to the screen itself. */}
      <a className="skip-link" href="#content" onClick={skipToContent}>
        Skip to content
      </a>
      <header className="app-header">
        <h1 className="app-title">Lifeline</h1>
        <nav aria-label="Views" className="app-nav">
          <NavLink to={{ name: 'overview' }} current={route.name}>
            Overview
          </NavLink>
          <NavLink to={{ name: 'items' }} current={route.name}>
            Items
          </NavLink>
          <NavLink to={{ name: 'upcoming' }} current={route.name}>
            Upcoming
          </NavLink>
          <NavLink to={{ name: 'memories' }} current={route.name}>
            Memories
          </NavLink>
          <NavLink to={{ name: 'dead-letters' }} current={route.name}>
            Dead letters
            {deadCount > 0 && <span className="badge">{deadCount}</span>}
          </NavLink>
          <NavLink to={{ name: 'services' }} current={route.name}>
            Services
            <OverallDot />
          </NavLink>
          <NavLink to={{ name: 'settings' }} current={route.name}>
            Settings
          </NavLink>
        </nav>
        <div className="app-intake">
          <AddFilesButton />
          <RecordButton />
        </div>
        <ConnectionIndicator />
      </header>
      <IntakePanel />
      <UndoBar />
      <main className="app-main" id="content" tabIndex={-1}>
        <View route={route} />
      </main>
      <DropZone />
    </div>
  );
}

/** The overall status beside Services, in its own component so counts pushed by the second do not re-render the app. */
function OverallDot() {
  const overall = useHealth((s) => s.snapshot?.overall ?? null);
  const stages = useStages((s) => s.stages);
  const overview = useOverview((s) => s.overview);
  if (overall === null) return null;
  const headline = overallHeadline(overall, stages && withLiveCounts(stages, overview));
  return <StatusDot tone={headline.tone} label={headline.short} />;
}
