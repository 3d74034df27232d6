// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionBanner } from '../../../../renderer/src/features/status/ConnectionBanner';
import { ProgressBar } from '../../../../renderer/src/features/status/ProgressBar';
import { Toasts } from '../../../../renderer/src/features/status/Toasts';
import { ok } from '../../../../shared/ipc/errors';
import type { ConnectionState } from '../../../../shared/ipc/models';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderBanner(state: ConnectionState, language: 'en' | 'zh' = 'en') {
  const fake = fakeApi({
    'connection:retryNow': () => ok({ status: 'connecting', mode: 'tidings' }),
    'auth:logout': () => ok(null),
  });
  const rendered = renderWithProviders(<ConnectionBanner />, { api: fake.api, language });
  act(() => rendered.store.getState().connectionChanged(state));
  return { fake, rendered };
}

describe('ConnectionBanner', () => {
  it('shows nothing while online', () => {
    renderBanner({ status: 'online', mode: 'tidings' });
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });

  it('says connecting', () => {
    renderBanner({ status: 'connecting', mode: 'tidings' });
    expect(screen.getByTestId('connection-banner').textContent).toBe('Connecting…');
  });

  it('counts down to the next attempt and retries now on request', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { fake, rendered } = renderBanner({
      status: 'reconnecting',
      mode: 'tidings',
      nextAttemptAt: 1_000_000 + 5_000,
      attempt: 2,
    });
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnecting in 5 seconds');
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnecting in 3 seconds');
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    vi.useRealTimers();
    await waitFor(() => expect(rendered.store.getState().connection?.status).toBe('connecting'));
    expect(fake.calls.map((c) => c.channel)).toEqual(['connection:retryNow']);
  });

  it('says offline', () => {
    renderBanner({ status: 'offline', mode: 'tidings' });
    expect(screen.getByTestId('connection-banner').textContent).toContain('You are offline');
  });

  it('says why the session was ended, and signs in here again on request', async () => {
    const { fake } = renderBanner({ status: 'kicked', mode: 'tidings', reason: 'other-login' });
    expect(screen.getByRole('alert').textContent).toContain('You signed in on another device');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in here again' }));
    await waitFor(() => expect(fake.calls.map((c) => c.channel)).toContain('connection:retryNow'));
  });

  it('explains basic mode', () => {
    renderBanner({ status: 'basic', mode: 'basic', unavailable: ['groups', 'files'] });
    expect(screen.getByTestId('connection-banner').textContent).toContain('Basic mode');
  });

  it('speaks Chinese', () => {
    renderBanner({ status: 'kicked', mode: 'tidings', reason: 'admin' }, 'zh');
    expect(screen.getByRole('alert').textContent).toContain('管理员结束了此会话');
  });
});

describe('ProgressBar', () => {
  it('shows sync phases and the index rebuild with its progress', () => {
    const { store } = renderWithProviders(<ProgressBar />, { api: fakeApi().api });
    expect(screen.queryByTestId('progress-strip')).toBeNull();
    act(() =>
      store.getState().syncChanged({
        phase: 'backfill',
        applied: 10,
        pendingConversations: 0,
        backfillRemaining: 3,
        lastSyncedAt: null,
        pendingSends: 0,
      }),
    );
    expect(screen.getByTestId('progress-strip').textContent).toContain(
      'Downloading older history… 3 conversations left',
    );
    act(() => store.getState().searchIndexChanged({ state: 'rebuilding', done: 2_500, total: 10_000 }));
    expect(screen.getByTestId('progress-strip').textContent).toContain(
      'Rebuilding the search index… 2,500 of 10,000',
    );
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('25');
  });
});

describe('Toasts', () => {
  it('shows a toast, and it goes away by itself or when dismissed', () => {
    vi.useFakeTimers();
    const { store } = renderWithProviders(<Toasts lifetimeMs={1_000} />, { api: fakeApi().api });
    act(() => store.getState().toast('The server cannot be reached.'));
    act(() => store.getState().toast('Second'));
    expect(screen.getAllByTestId('toast')).toHaveLength(2);
    fireEvent.click(screen.getAllByRole('button', { name: 'Dismiss' })[1] as HTMLElement);
    expect(screen.getAllByTestId('toast')).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
