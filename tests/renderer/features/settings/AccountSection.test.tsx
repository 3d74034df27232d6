// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountSection } from '../../../../renderer/src/features/settings/AccountSection';
import type { OwnProfile } from '../../../../shared/ipc/channels/profile';
import { fail, ok } from '../../../../shared/ipc/errors';
import { alice } from '../../conversationFixture';
import { fakeApi } from '../../fakeApi';
import { renderWithProviders } from '../../providers';

afterEach(cleanup);

const aliceProfile: OwnProfile = {
  userId: alice.userId,
  username: alice.username,
  displayName: alice.displayName,
  avatar: null,
  signature: 'Curiouser and curiouser',
};

function renderAccount(
  options: { language?: 'en' | 'zh'; refuse?: boolean; mode?: 'tidings' | 'basic' } = {},
) {
  let profile = aliceProfile;
  const fake = fakeApi({
    'profile:get': () => ok(profile),
    'profile:update': (changes) => {
      if (options.refuse) return fail('offline', 'offline');
      profile = { ...profile, ...changes };
      // The engine announces the change, as profileHandlers does.
      queueMicrotask(() => fake.emit('profile:changed', { profile }));
      return ok(profile);
    },
  });
  const rendered = renderWithProviders(<AccountSection />, {
    api: fake.api,
    language: options.language ?? 'en',
  });
  act(() => rendered.store.getState().signedIn({ ...alice, mode: options.mode ?? 'tidings' }));
  return { fake, rendered };
}

describe('AccountSection profile editing', () => {
  it('shows the profile and saves only what changed; the account takes the new name', async () => {
    const { fake, rendered } = renderAccount();
    const name = await screen.findByTestId<HTMLInputElement>('profile-display-name');
    const signature = screen.getByTestId<HTMLTextAreaElement>('profile-signature');
    const save = screen.getByTestId<HTMLButtonElement>('profile-save');
    expect(name.value).toBe('Alice');
    expect(signature.value).toBe('Curiouser and curiouser');
    expect(save.disabled).toBe(true);

    fireEvent.change(name, { target: { value: '  Alice Liddell ' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    await waitFor(() =>
      expect(screen.getByTestId('settings-display-name').textContent).toBe('Alice Liddell'),
    );
    expect(fake.calls.filter((c) => c.channel === 'profile:update').map((c) => c.request)).toEqual([
      { displayName: 'Alice Liddell' },
    ]);
    expect(rendered.store.getState().account?.displayName).toBe('Alice Liddell');
    expect(rendered.store.getState().toasts.map((t) => t.text)).toContain('Profile saved');
    await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>('profile-save').disabled).toBe(true));
  });

  it('will not save an empty name, and says why', async () => {
    const { fake } = renderAccount();
    const name = await screen.findByTestId('profile-display-name');
    fireEvent.change(name, { target: { value: '   ' } });
    expect(screen.getByRole('alert').textContent).toBe('The display name cannot be empty.');
    expect(screen.getByTestId<HTMLButtonElement>('profile-save').disabled).toBe(true);
    expect(fake.calls.some((c) => c.channel === 'profile:update')).toBe(false);
  });

  it('keeps what was typed and shows a toast when the server refuses', async () => {
    const { rendered } = renderAccount({ refuse: true });
    const signature = await screen.findByTestId('profile-signature');
    fireEvent.change(signature, { target: { value: 'new words' } });
    fireEvent.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(rendered.store.getState().toasts).toHaveLength(1));
    expect(screen.getByTestId<HTMLTextAreaElement>('profile-signature').value).toBe('new words');
    expect(rendered.store.getState().account?.displayName).toBe('Alice');
  });

  it('is translated into Chinese', async () => {
    renderAccount({ language: 'zh' });
    await screen.findByTestId('profile-display-name');
    expect(screen.getByText('昵称')).toBeTruthy();
    expect(screen.getByText('个性签名')).toBeTruthy();
    expect(screen.getByTestId('profile-save').textContent).toBe('保存资料');
  });

  it('is not offered in basic mode, which has no profiles', async () => {
    const { fake } = renderAccount({ mode: 'basic' });
    await screen.findByTestId('settings-display-name');
    expect(screen.queryByTestId('profile-display-name')).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'profile:get')).toBe(false);
  });
});
