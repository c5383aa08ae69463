import { useEffect } from 'react';
import type { AppInfo } from '../../shared/model/app-info';
import { platformLabel } from '../lib/labels';
import { useStewardStore } from '../store';

function runtimeText(info: AppInfo): string {
  if (info.runtime === 'electron') return info.versions.electron ? `Electron ${info.versions.electron}` : 'Electron';
  return 'Test harness (no Electron)';
}

function AboutDetails({ info }: { info: AppInfo }) {
  return (
    <dl className="details">
      <dt>Name</dt>
      <dd>{info.name}</dd>
      <dt>Version</dt>
      <dd>{info.version}</dd>
      <dt>Platform</dt>
      <dd>
        {platformLabel(info.platform)} ({info.arch})
      </dd>
      <dt>Runtime</dt>
      <dd>{runtimeText(info)}</dd>
      <dt>Node.js</dt>
      <dd>{info.versions.node}</dd>
      {info.versions.chrome !== undefined && (
        <>
          <dt>Chromium</dt>
          <dd>{info.versions.chrome}</dd>
        </>
      )}
    </dl>
  );
}

/** Settings › About: what is running, loaded once from main. */
export function AboutSection() {
  const info = useStewardStore((state) => state.appInfo);
  const status = useStewardStore((state) => state.appInfoStatus);
  const error = useStewardStore((state) => state.appInfoError);
  const loadAppInfo = useStewardStore((state) => state.loadAppInfo);

  useEffect(() => {
    if (useStewardStore.getState().appInfoStatus === 'idle') void loadAppInfo();
  }, [loadAppInfo]);

  return (
    <section className="panel" aria-labelledby="about-heading">
      <h2 id="about-heading">About</h2>
      {info && <AboutDetails info={info} />}
      {!info && (status === 'idle' || status === 'loading') && <p role="status">Loading app details…</p>}
      {status === 'error' && error && (
        <div className="inline-error">
          <p role="alert">
            Could not load the app details: {error.message} <code>{error.code}</code>
          </p>
          <button type="button" className="button" onClick={() => void loadAppInfo()}>
            Try again
          </button>
        </div>
      )}
    </section>
  );
}
