import type { PushedEvent } from '../../../shared/contract';
import type { Transport } from '../api/transport';
import { createBackupsStore, type BackupsStore } from './backups-store';
import { createConnectionStore, type ConnectionStore } from './connection-store';
import { createDeadLettersStore, type DeadLettersStore } from './dead-letters-store';
import { createHealthStore, type HealthStore } from './health-store';
import { createIntakeStore, type IntakeStore } from './intake-store';
import { createItemDetailStore, type ItemDetailStore } from './item-detail-store';
import { createItemsStore, type ItemsStore } from './items-store';
import { createMemoriesStore, type MemoriesStore } from './memories-store';
import { createMetricsStore, type MetricsStore } from './metrics-store';
import { createModelsStore, type ModelsStore } from './models-store';
import { createOverviewStore, type OverviewStore } from './overview-store';
import { createProgressStore, type ProgressStore } from './progress-store';
import { createRecorderStore, type CaptureStarter, type RecorderStore } from './recorder-store';
import { createRunningStore, type RunningStore } from './running-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { missingCase } from '../../../shared/missing-case';
import { createUpcomingStore, type UpcomingStore } from './upcoming-store';
import { createStagesStore, type StagesStore } from './stages-store';
import { createDiscardUndoStore, type DiscardUndoStore } from './discard-undo-store';

export interface Stores {
  connection: ConnectionStore;
  overview: OverviewStore;
  running: RunningStore;
  progress: ProgressStore;
  items: ItemsStore;
  itemDetail: ItemDetailStore;
  deadLetters: DeadLettersStore;
  intake: IntakeStore;
  recorder: RecorderStore;
  settings: SettingsStore;
  memories: MemoriesStore;
  health: HealthStore;
  metrics: MetricsStore;
  backups: BackupsStore;
  models: ModelsStore;
  upcoming: UpcomingStore;
  stages: StagesStore;
  discardUndo: DiscardUndoStore;
}

/** One store per domain, wired so pushed events reach the stores that show them. */
export function createStores(transport: Transport, startCapture: CaptureStarter): Stores {
  const { api } = transport;
  const overview = createOverviewStore(api);
  const running = createRunningStore(api);
  const progress = createProgressStore(api);
  const items = createItemsStore(api);
  const itemDetail = createItemDetailStore(api);
  const deadLetters = createDeadLettersStore(api);
  const intake = createIntakeStore(api);
  const recorder = createRecorderStore(api, startCapture);
  const settings = createSettingsStore(api);
  const memories = createMemoriesStore(api);
  const health = createHealthStore(api);
  const metrics = createMetricsStore(api);
  const backups = createBackupsStore(api);
  const models = createModelsStore(api, { settingsChanged: () => void settings.getState().load() });
  const upcoming = createUpcomingStore(api);
  const stageControls = createStagesStore(api);
  const discardUndo = createDiscardUndoStore(api);
  const connection = createConnectionStore(transport, {
    onEvent(event: PushedEvent) {
      switch (event.type) {
        case 'items.changed':
          progress.getState().applyChanges(event.items);
          overview.getState().requestRefresh();
          running.getState().applyChanges(event.items);
          items.getState().applyChanges(event.items);
          itemDetail.getState().applyChanges(event.items);
          deadLetters.getState().applyChanges(event.items);
          intake.getState().requestStatus();
          memories.getState().applyChanges(event.items);
          upcoming.getState().applyChanges(event.items);
          metrics.getState().requestRefresh();
          health.getState().requestRecoveryRefresh();
          return;
        case 'item.progress':
          progress.getState().report(event.id, event.progress);
          running.getState().noticeProgress(event.id);
          itemDetail.getState().noticeProgress(event.id);
          return;
        case 'intake.changed':
          intake.getState().requestStatus();
          return;
        case 'health.changed':
        case 'health.checked':
          health.getState().applyHealth(event.health);
          // A pause from elsewhere (the CLI, the tray) or a breaker: the stages' counts come with the overview.
          stageControls.getState().requestRefresh();
          return;
        case 'breaker.changed':
          health.getState().applyBreaker(event.breaker);
          return;
        case 'models.changed':
          models.getState().apply(event.models);
          return;
        default:
          missingCase(event);
      }
    },
    onSynchronise() {
      void progress.getState().synchronise();
      overview.getState().requestRefresh();
      running.getState().requestRefresh();
      intake.getState().requestStatus();
      health.getState().requestRefresh();
      metrics.getState().requestRefresh();
      stageControls.getState().requestRefresh();
      if (items.getState().shownKey !== null) void items.getState().refresh();
      void itemDetail.getState().reload();
      // Dead letters load when their view is first shown; after that they are kept current.
      if (deadLetters.getState().loaded) void deadLetters.getState().load();
      if (settings.getState().loaded) void settings.getState().load();
      memories.getState().requestRefresh();
      if (backups.getState().list) void backups.getState().load();
      if (models.getState().loaded) void models.getState().load();
      upcoming.getState().requestRefresh();
    },
  });
  return {
    connection,
    overview,
    running,
    progress,
    items,
    itemDetail,
    deadLetters,
    intake,
    recorder,
    settings,
    memories,
    health,
    metrics,
    models,
    upcoming,
    backups,
    stages: stageControls,
    discardUndo,
  };
}
