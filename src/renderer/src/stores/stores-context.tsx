import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ConnectionState } from './connection-store';
import type { DeadLettersState } from './dead-letters-store';
import type { OverviewState } from './overview-store';
import type { Stores } from './stores';

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('a view was rendered outside <StoresProvider>');
  return stores;
}

export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(useStores().connection, selector);
}

export function useOverview<T>(selector: (state: OverviewState) => T): T {
  return useStore(useStores().overview, selector);
}

export function useDeadLetters<T>(selector: (state: DeadLettersState) => T): T {
  return useStore(useStores().deadLetters, selector);
}
