import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/model/app-info';
import { i18n } from '../i18n';
import { platformLabel } from '../lib/labels';
import { useStewardStore } from '../store';
import { appErrorText } from '../lib/app-error';

function runtimeText(info: AppInfo): string {
  if (info.runtime === 'electron') {
    return info.versions.electron ? i18n.t('settings.about.electronVersion', { version: info.versions.electron }) : i18n.t('settings.about.electron');
  }
  return i18n.t('settings.about.harness');
}

function AboutDetails({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <dt>{t('settings.about.name')}</dt>
      <dd>{info.name}</dd>
      <dt>{t('settings.about.version')}</dt>
      <dd>{info.version}</dd>
      <dt>{t('settings.about.platform')}</dt>
      <dd>
        {platformLabel(info.platform)} ({info.arch})
      </dd>
      <dt>{t('settings.about.runtime')}</dt>
      <dd>{runtimeText(info)}</dd>
      <dt>{t('settings.about.node')}</dt>
      <dd>{info.versions.node}</dd>
      {info.versions.chrome !== undefined && (
        <>
          <dt>{t('settings.about.chromium')}</dt>
          <dd>{info.versions.chrome}</dd>
        </>
      )}
    </dl>
  );
}

/** Settings › About: what is running, loaded once from main. */
export function AboutSection() {
  const { t } = useTranslation();
  const info = useStewardStore((state) => state.appInfo);
  const status = useStewardStore((state) => state.appInfoStatus);
  const error = useStewardStore((state) => state.appInfoError);
  const loadAppInfo = useStewardStore((state) => state.loadAppInfo);

  useEffect(() => {
    if (useStewardStore.getState().appInfoStatus === 'idle') void loadAppInfo();
  }, [loadAppInfo]);

  return (
    <section className="panel" aria-labelledby="about-heading">
      <h2 id="about-heading">{t('settings.about.heading')}</h2>
      {info && <AboutDetails info={info} />}
      {!info && (status === 'idle' || status === 'loading') && <p role="status">{t('settings.about.loading')}</p>}
      {status === 'error' && error && (
        <div className="inline-error">
          <p role="alert">
            <Trans
              i18nKey="settings.about.loadFailed"
              values={{ message: appErrorText(error), code: error.code }}
              components={{ code: <code /> }}
            />
          </p>
          <button type="button" className="button" onClick={() => void loadAppInfo()}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
    </section>
  );
}
