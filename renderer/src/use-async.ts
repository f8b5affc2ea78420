/** Small state helpers for screens that load from the Api. */
import { useCallback, useState } from 'react';

/** Message of anything thrown, for showing to the user. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs an async action, tracking whether it is running and its error message (cleared on the next run). */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): {
  run: (...args: A) => Promise<void>;
  busy: boolean;
  error: string | null;
  clearError: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await action(...args);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
