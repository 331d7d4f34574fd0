import { createContext, useContext, useDeferredValue, type ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { LabState } from '../state/types';

const StoreContext = createContext<StoreApi<LabState> | null>(null);

export function StoreProvider({ store, children }: { store: StoreApi<LabState>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions that read the whole state once on a click (exports). */
export function useLabStore(): StoreApi<LabState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLabStore must be used inside <StoreProvider>.');
  return store;
}

/** Selects the narrowest slice a component needs from the one store. */
export function useLab<T>(selector: (s: LabState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLab must be used inside <StoreProvider>.');
  return useStore(store, selector);
}

/**
 * Like useLab, but the component re-renders with the new value in a deferred, interruptible
 * render (React time-slices it), so heavy charts never block input while training streams in.
 */
export function useLabDeferred<T>(selector: (s: LabState) => T): T {
  return useDeferredValue(useLab(selector));
}
