import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BackupsState } from './backups-store';
import type { ConnectionState } from './connection-store';
import type { DeadLettersState } from './dead-letters-store';
import type { HealthState } from './health-store';
import type { IntakeState } from './intake-store';
import type { ItemDetailState } from './item-detail-store';
import type { ItemsState } from './items-store';
import type { MemoriesState } from './memories-store';
import type { MetricsState } from './metrics-store';
import type { ModelsState } from './models-store';
import type { OverviewState } from './overview-store';
import type { ProgressState } from './progress-store';
import type { RecorderState } from './recorder-store';
import type { RunningState } from './running-store';
import type { SettingsState } from './settings-store';
import type { StagesState } from './stages-store';
import type { DiscardUndoState } from './discard-undo-store';
import type { Stores } from './stores';
import type { UpcomingState } from './upcoming-store';

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('a view was rendered outside <StoresProvider>');
  return stores;
}

// One selector hook per domain store: components read through selectors, never the whole state.
export const useConnection = <T,>(selector: (s: ConnectionState) => T): T => useStore(useStores().connection, selector);
export const useOverview = <T,>(selector: (s: OverviewState) => T): T => useStore(useStores().overview, selector);
export const useRunning = <T,>(selector: (s: RunningState) => T): T => useStore(useStores().running, selector);
export const useProgress = <T,>(selector: (s: ProgressState) => T): T => useStore(useStores().progress, selector);
export const useItems = <T,>(selector: (s: ItemsState) => T): T => useStore(useStores().items, selector);
export const useItemDetail = <T,>(selector: (s: ItemDetailState) => T): T => useStore(useStores().itemDetail, selector);
export const useDeadLetters = <T,>(selector: (s: DeadLettersState) => T): T =>
  useStore(useStores().deadLetters, selector);
export const useIntake = <T,>(selector: (s: IntakeState) => T): T => useStore(useStores().intake, selector);
export const useRecorder = <T,>(selector: (s: RecorderState) => T): T => useStore(useStores().recorder, selector);
export const useSettings = <T,>(selector: (s: SettingsState) => T): T => useStore(useStores().settings, selector);
export const useMemories = <T,>(selector: (s: MemoriesState) => T): T => useStore(useStores().memories, selector);
export const useHealth = <T,>(selector: (s: HealthState) => T): T => useStore(useStores().health, selector);
export const useBackups = <T,>(selector: (s: BackupsState) => T): T => useStore(useStores().backups, selector);
export const useMetrics = <T,>(selector: (s: MetricsState) => T): T => useStore(useStores().metrics, selector);
export const useModels = <T,>(selector: (s: ModelsState) => T): T => useStore(useStores().models, selector);
export const useUpcoming = <T,>(selector: (s: UpcomingState) => T): T => useStore(useStores().upcoming, selector);
export const useStages = <T,>(selector: (s: StagesState) => T): T => useStore(useStores().stages, selector);
export const useDiscardUndo = <T,>(selector: (s: DiscardUndoState) => T): T =>
  useStore(useStores().discardUndo, selector);
