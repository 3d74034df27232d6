// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginScreen } from '../../../../renderer/src/features/login/LoginScreen';
import type { TidingsApi } from '../../../../shared/ipc/api';
import { fail, ok } from '../../../../shared/ipc/errors';
import type { Account } from '../../../../shared/ipc/models';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(cleanup);

const alice: Account = {
  userId: 'u1',
  username: 'alice',
  displayName: 'Alice',
  serverUrl: 'http://127.0.0.1:7700',
  mode: 'tidings',
};

function renderLogin(api: TidingsApi) {
  const onSignedIn = vi.fn<(account: Account) => void>();
  renderWithProviders(<LoginScreen onSignedIn={onSignedIn} />, { api });
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'alice' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-password' } });
  return onSignedIn;
}

describe('LoginScreen', () => {
  it('shows the error sentence from a failed sign-in and stays on the form', async () => {
    const fake = fakeApi({ 'auth:login': () => fail('invalid-credentials') });
    const onSignedIn = renderLogin(fake.api);

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(false);
  });

  it('shows the error from a failed registration', async () => {
    const fake = fakeApi({ 'auth:register': () => fail('username-taken') });
    renderLogin(fake.api);

    fireEvent.click(screen.getByRole('button', { name: 'Register' }));

    expect((await screen.findByRole('alert')).textContent).toBe('That username is already taken.');
  });

  it('signs in with the default server address and reports the account', async () => {
    const fake = fakeApi({ 'auth:login': () => ok(alice) });
    const onSignedIn = renderLogin(fake.api);

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(alice));
    expect(fake.calls).toEqual([
      {
        channel: 'auth:login',
        request: { serverUrl: 'http://127.0.0.1:7700', username: 'alice', password: 'secret-password' },
      },
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('registers with the username as display name when none is given', async () => {
    const fake = fakeApi({ 'auth:register': () => ok(alice) });
    const onSignedIn = renderLogin(fake.api);

    fireEvent.click(screen.getByRole('button', { name: 'Register' }));

    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    expect(fake.calls[0]?.request).toMatchObject({ username: 'alice', displayName: 'alice' });
  });
});
