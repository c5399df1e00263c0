import '../../test/setup.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveEvents } from './api.ts';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners = new Map<string, Set<(e: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: MessageEvent<string>) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: (e: MessageEvent<string>) => void) {
    this.listeners.get(type)?.delete(fn);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data: JSON.stringify({ seq: 1, data }) }));
  }
}

describe('useLiveEvents', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('refreshes the lists a burst of events touches once, within a second, and hands every event to the page', async () => {
    const qc = new QueryClient();
    const invalidate = vi.spyOn(qc, 'invalidateQueries').mockResolvedValue();
    const seen: string[] = [];
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
    const { result, unmount } = renderHook(() => useLiveEvents(['incident.created', 'incident.updated'], (type) => seen.push(type)), { wrapper });
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events/stream');
    act(() => source.onopen?.());
    expect(result.current).toBe('live');

    act(() => {
      for (let i = 0; i < 50; i++) source.emit(i % 2 ? 'incident.updated' : 'incident.created', { incident: { id: `i${i}` } });
    });
    expect(seen).toHaveLength(50);
    expect(invalidate).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(invalidate.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([['incidents'], ['assignments', 'mine']]);

    act(() => source.emit('incident.updated', {}));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(invalidate).toHaveBeenCalledTimes(4);
    unmount();
    expect(source.closed).toBe(true);
  });
});
