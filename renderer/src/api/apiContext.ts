import { createContext, useContext } from 'react';
import type { TidingsApi } from '../../../shared/ipc/api';

/** The API is injected through context so components can be rendered with a fake in tests. */
export const ApiContext = createContext<TidingsApi | null>(null);

export function useApi(): TidingsApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext> provider above it.');
  return api;
}
