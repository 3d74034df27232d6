import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateState } from '../../../../shared/ipc/channels/update';
import { useApi } from '../../api/apiContext';
import { useFormat } from '../../i18n/format';
import { Choice } from './Choice';
import { useSettings } from './useSettings';

/** The self-update: channel, state, check now, download and install; and the version (about). */
export function UpdatesSection() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const format = useFormat();
  const { settings, change } = useSettings();
  const [state, setState] = useState<UpdateState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    const off = api.update.onChanged((next) => setState(next));
    void api.update.state({}).then((result) => {
      if (current && result.ok) setState(result.value);
    });
    return () => {
      current = false;
      off();
    };
  }, [api]);

  const run = (action: () => Promise<{ ok: boolean; value?: unknown }>): void => {
    setBusy(true);
    void action().then(() => setBusy(false));
  };

  const status = state
    ? t(`updates.status.${state.status}`, {
        reason: state.reason ?? '',
        error: state.error ?? '',
        version: state.available?.version ?? '',
        percent: format.number(Math.round(state.progress?.percent ?? 0)),
      })
    : null;

  return (
    <>
      <section className="settings-section" aria-labelledby="settings-updates">
        <h3 id="settings-updates">{t('sections.updates')}</h3>
        {settings ? (
          <Choice
            label={t('updates.channel')}
            value={settings.updateChannel}
            options={[
              { value: 'stable', label: t('updates.stable') },
              { value: 'beta', label: t('updates.beta') },
            ]}
            onChange={(updateChannel) => change({ updateChannel })}
            testId="update-channel"
          />
        ) : null}
        {status ? (
          <p className="update-status" role="status" data-testid="update-status" data-status={state?.status}>
            {status}
          </p>
        ) : null}
        {state?.lastCheckedAt ? (
          <p className="hint">{t('updates.lastChecked', { when: format.dateTime(state.lastCheckedAt) })}</p>
        ) : null}
        <div className="settings-actions">
          <button
            type="button"
            disabled={busy || !state || state.status === 'disabled' || state.status === 'checking'}
            onClick={() => run(() => api.update.check({}))}
            data-testid="update-check"
          >
            {t('updates.check')}
          </button>
          {state?.status === 'error' && state.available ? (
            <button type="button" disabled={busy} onClick={() => run(() => api.update.download({}))}>
              {t('updates.download')}
            </button>
          ) : null}
          {state?.status === 'downloaded' ? (
            <button
              type="button"
              className="primary"
              onClick={() => run(() => api.update.install({}))}
              data-testid="update-install"
            >
              {t('updates.install')}
            </button>
          ) : null}
        </div>
      </section>
      <section className="settings-section" aria-labelledby="settings-about">
        <h3 id="settings-about">{t('sections.about')}</h3>
        <p>{t('about.description')}</p>
        {state ? (
          <p data-testid="app-version">{t('about.version', { version: state.currentVersion })}</p>
        ) : null}
        <button type="button" onClick={() => void api.app.revealLogs({})} data-testid="reveal-logs">
          {t('about.logs')}
        </button>
      </section>
    </>
  );
}
