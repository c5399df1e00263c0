/** "Previous / next" over cursor pages: a stack of the cursors that led to the current page. */
import { useCallback, useState } from 'react';

export interface CursorPager {
  cursor: string | undefined;
  page: number;
  hasPrevious: boolean;
  next(nextCursor: string): void;
  previous(): void;
  reset(): void;
}

export function useCursorPager(): CursorPager {
  const [stack, setStack] = useState<string[]>([]);
  const next = useCallback((nextCursor: string) => setStack((s) => [...s, nextCursor]), []);
  const previous = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack((s) => (s.length === 0 ? s : [])), []);
  return {
    cursor: stack.at(-1),
    page: stack.length + 1,
    hasPrevious: stack.length > 0,
    next,
    previous,
    reset,
  };
}

export const PAGE_SIZE = 25;
