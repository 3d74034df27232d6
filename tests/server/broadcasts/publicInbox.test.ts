import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../helpers/serverProcess';
import { waitFor } from '../../helpers/serverProcess';
import { provision, startCoreServer } from '../sync/helpers/coreServer';
import { connectTidings, failing } from '../sync/helpers/devices';
import {
  adminBroadcast,
  adminCall,
  createDraft,
  keepalivePublic,
  noticeIds,
  pullPublic,
  takePublicNotify,
  transition,
} from './helpers';

let server: ServerProcess;

beforeAll(async () => {
  server = await startCoreServer({ timings: { broadcastNotifyJitterMs: 50, publicInboxRefreshMs: 100 } });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe('pre-release and the whitelist', () => {
  it('shows a pre-release to whitelisted users only, and to users added to the whitelist later', async () => {
    const [insider, outsider] = await provision(server.url, 2, 'wl');
    if (!insider || !outsider) throw new Error('provisioning');
    const draft = await createDraft(server.url, {
      title: 'Beta notice',
      body: 'For testers',
      whitelist: [insider.userId],
    });
    expect(draft.state).toBe('draft');
    expect(draft.publicSeq).toBeNull();

    const insiderDevice = await connectTidings(server.wsUrl, insider);
    const outsiderDevice = await connectTidings(server.wsUrl, outsider);
    const before = await pullPublic(outsiderDevice);

    const pre = await transition(server.url, draft.id, 'prerelease');
    expect(pre.state).toBe('prerelease');
    await takePublicNotify(insiderDevice, pre.publicSeq ?? 0);
    const insiderPull = await pullPublic(insiderDevice);
    const seen = insiderPull.events.find((e) => e.type === 'broadcast' && e.broadcast.id === draft.id);
    expect(seen).toMatchObject({ type: 'broadcast', broadcast: { title: 'Beta notice', prerelease: true } });

    const outsiderPull = await pullPublic(outsiderDevice, before.max);
    expect(noticeIds(outsiderPull.events)).not.toContain(draft.id);
    expect(await keepalivePublic(outsiderDevice)).toBe(outsiderPull.max);

    // Added at runtime: the broadcast moves above the outsider's cursor, so the next pull has it.
    const widened = await adminBroadcast(server.url, 'POST', `/api/admin/broadcasts/${draft.id}/whitelist`, {
      add: [outsider.userId],
    });
    expect(widened.whitelist).toEqual(expect.arrayContaining([insider.userId, outsider.userId]));
    await takePublicNotify(outsiderDevice, widened.publicSeq ?? 0);
    const late = await pullPublic(outsiderDevice, outsiderPull.max);
    expect(noticeIds(late.events)).toContain(draft.id);

    // An edit during pre-release reaches the whitelist as a new version of the same notice.
    const edited = await adminBroadcast(server.url, 'PATCH', `/api/admin/broadcasts/${draft.id}`, {
      title: 'Beta notice (fixed)',
    });
    const update = await pullPublic(insiderDevice, insiderPull.max);
    const latest = update.events.find((e) => e.seq === edited.publicSeq);
    expect(latest?.type === 'broadcast' ? latest.broadcast.title : null).toBe('Beta notice (fixed)');
    insiderDevice.close();
    outsiderDevice.close();
  });

  it('refuses unknown whitelist users and steps out of order', async () => {
    const missing = await adminCall(server.url, 'POST', '/api/admin/broadcasts', {
      title: 't',
      body: 'b',
      whitelist: ['999999999'],
    });
    expect(missing.status).toBe(404);
    const draft = await createDraft(server.url, { title: 'Order', body: 'b' });
    expect((await adminCall(server.url, 'POST', `/api/admin/broadcasts/${draft.id}/stop`)).status).toBe(409);
    expect((await adminCall(server.url, 'POST', `/api/admin/broadcasts/${draft.id}/recall`)).status).toBe(
      409,
    );
    await transition(server.url, draft.id, 'publish');
    const edit = await adminCall(server.url, 'PATCH', `/api/admin/broadcasts/${draft.id}`, {
      body: 'changed',
    });
    expect(edit.status).toBe(409);
    expect((edit.body as { error: { message: string } }).error.message).toMatch(/published/);
    expect((await adminCall(server.url, 'GET', '/api/admin/broadcasts/424242')).status).toBe(404);
    expect((await adminCall(server.url, 'GET', '/api/admin/broadcasts/abc')).status).toBe(404);
    const bad = await adminCall(server.url, 'POST', '/api/admin/broadcasts', { title: '', body: 'b' });
    expect(bad.status).toBe(400);
  });
});

describe('publication', () => {
  it('gives a late-published draft a sequence above every cursor that passed', async () => {
    const [user] = await provision(server.url, 1, 'late');
    if (!user) throw new Error('provisioning');
    const early = await createDraft(server.url, { title: 'Written first', body: 'published last' });
    const other = await createDraft(server.url, { title: 'Written second', body: 'published first' });
    const device = await connectTidings(server.wsUrl, user);
    const published = await transition(server.url, other.id, 'publish');
    await takePublicNotify(device, published.publicSeq ?? 0);
    const first = await pullPublic(device);
    expect(first.max).toBeGreaterThanOrEqual(published.publicSeq ?? 0);

    const late = await transition(server.url, early.id, 'publish');
    expect(late.publicSeq).toBeGreaterThan(first.max);
    await takePublicNotify(device, late.publicSeq ?? 0);
    const next = await pullPublic(device, first.max);
    expect(noticeIds(next.events)).toEqual([early.id]);
    device.close();
  });

  it('reaches a user registered after publication, and pages through a long inbox', async () => {
    const titles = ['one', 'two', 'three'];
    const ids: string[] = [];
    for (const title of titles) {
      const draft = await createDraft(server.url, { title, body: 'to everyone' });
      ids.push((await transition(server.url, draft.id, 'publish')).id);
    }
    const [newcomer] = await provision(server.url, 1, 'newcomer');
    if (!newcomer) throw new Error('provisioning');
    const device = await connectTidings(server.wsUrl, newcomer);
    expect(device.hello.cursors.public).toBeGreaterThan(0);
    const pulled = await pullPublic(device, 0, { limit: 1 });
    expect(noticeIds(pulled.events)).toEqual(expect.arrayContaining(ids));
    expect(pulled.max).toBe(device.hello.cursors.public);
    const seqs = pulled.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    device.close();
  });

  it('stops delivering a stopped broadcast to those who had not pulled it', async () => {
    const draft = await createDraft(server.url, { title: 'Short-lived', body: 'stop me' });
    await transition(server.url, draft.id, 'publish');
    const stopped = await transition(server.url, draft.id, 'stop');
    expect(stopped.state).toBe('stopped');
    const [user] = await provision(server.url, 1, 'afterstop');
    if (!user) throw new Error('provisioning');
    const device = await connectTidings(server.wsUrl, user);
    expect(noticeIds((await pullPublic(device)).events)).not.toContain(draft.id);
    device.close();
  });
});

describe('expiry', () => {
  it('drops an expired broadcast from pulls and refuses an expiry already past', async () => {
    const [user] = await provision(server.url, 1, 'expiry');
    if (!user) throw new Error('provisioning');
    const expiresAt = Date.now() + 1_500;
    const draft = await createDraft(server.url, { title: 'Flash sale', body: 'soon over', expiresAt });
    await transition(server.url, draft.id, 'publish');
    const device = await connectTidings(server.wsUrl, user);
    const pulled = await pullPublic(device);
    const notice = pulled.events.find((e) => e.type === 'broadcast' && e.broadcast.id === draft.id);
    expect(notice?.type === 'broadcast' ? notice.broadcast.expiresAt : null).toBe(expiresAt);
    await waitFor(async () => !noticeIds((await pullPublic(device)).events).includes(draft.id), {
      what: 'the broadcast to expire',
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const past = await adminCall(server.url, 'POST', '/api/admin/broadcasts', {
      title: 'Too late',
      body: 'b',
      expiresAt: Date.now() - 1_000,
    });
    expect(past.status).toBe(400);
    device.close();
  });
});

describe('audience filters', () => {
  it('delivers to client versions at or above the minimum only', async () => {
    const [user] = await provision(server.url, 1, 'version');
    if (!user) throw new Error('provisioning');
    const draft = await createDraft(server.url, {
      title: 'New feature',
      body: 'needs 2.1',
      audience: { minClientVersion: '2.1' },
    });
    await transition(server.url, draft.id, 'publish');
    const device = await connectTidings(server.wsUrl, user);
    expect(noticeIds((await pullPublic(device, 0, { clientVersion: '2.0.9' })).events)).not.toContain(
      draft.id,
    );
    expect(noticeIds((await pullPublic(device)).events)).not.toContain(draft.id);
    expect(noticeIds((await pullPublic(device, 0, { clientVersion: '2.10' })).events)).toContain(draft.id);
    expect(await failing(device, 'sync.public', { after: 0, clientVersion: 'two' })).toBe('invalid-request');
    device.close();
  });

  it('counts activity before the current login for "active since"', async () => {
    const [dormant] = await provision(server.url, 1, 'dormant');
    if (!dormant) throw new Error('provisioning');
    const since = Date.now() + 50;
    await waitFor(() => Date.now() > since + 10, { what: 'the clock to pass the date' });
    const [fresh] = await provision(server.url, 1, 'fresh');
    if (!fresh) throw new Error('provisioning');
    const draft = await createDraft(server.url, {
      title: 'Active users',
      body: 'only',
      audience: { activeSince: since },
    });
    await transition(server.url, draft.id, 'publish');

    // Created before the date and never seen since: this login does not make it active yet.
    const first = await connectTidings(server.wsUrl, dormant);
    expect(noticeIds((await pullPublic(first)).events)).not.toContain(draft.id);
    first.close();
    await first.waitClosed();
    // Its previous session is after the date: from its next login on it qualifies.
    const second = await connectTidings(server.wsUrl, dormant, first.deviceId);
    await waitFor(async () => noticeIds((await pullPublic(second)).events).includes(draft.id), {
      what: 'the returning user to qualify',
    });
    second.close();

    // An account created after the date counts as active since its creation.
    const freshDevice = await connectTidings(server.wsUrl, fresh);
    expect(noticeIds((await pullPublic(freshDevice)).events)).toContain(draft.id);
    freshDevice.close();
  });
});

describe('recall', () => {
  it('sends a tombstone to a device that already has the notice', async () => {
    const [user] = await provision(server.url, 1, 'recall');
    if (!user) throw new Error('provisioning');
    const device = await connectTidings(server.wsUrl, user);
    const draft = await createDraft(server.url, { title: 'Oops', body: 'wrong price' });
    const published = await transition(server.url, draft.id, 'publish');
    await takePublicNotify(device, published.publicSeq ?? 0);
    const shown = await pullPublic(device);
    expect(noticeIds(shown.events)).toContain(draft.id);

    const recalled = await transition(server.url, draft.id, 'recall');
    expect(recalled.state).toBe('recalled');
    await takePublicNotify(device, recalled.publicSeq ?? 0);
    const next = await pullPublic(device, shown.max);
    expect(next.events).toContainEqual(
      expect.objectContaining({ type: 'broadcast-recall', broadcastId: draft.id, seq: recalled.publicSeq }),
    );
    // A device pulling from scratch never sees the recalled notice at all.
    expect(noticeIds((await pullPublic(device)).events)).not.toContain(draft.id);
    device.close();
  });
});
