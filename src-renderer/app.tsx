import { useEffect, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './components/error-boundary';
import { ErrorSurface } from './components/error-surface';
import { InterruptedJobsBanner } from './components/interrupted-jobs-banner';
import { MainNav } from './components/main-nav';
import { AccountsPage } from './pages/accounts-page';
import { CleanupPage } from './pages/cleanup-page';
import { ExportPage } from './pages/export-page';
import { InventoryPage } from './pages/inventory-page';
import { SettingsPage } from './pages/settings-page';
import { useStewardStore, type Page } from './store';

const PAGE_COMPONENTS: Readonly<Record<Page, ComponentType>> = {
  accounts: AccountsPage,
  inventory: InventoryPage,
  export: ExportPage,
  cleanup: CleanupPage,
  settings: SettingsPage,
};

export function App() {
  // Subscribing here re-renders the whole tree when the language changes (nothing below is
  // memoised), so helpers that format or label outside React are re-run too.
  const { t } = useTranslation();
  const page = useStewardStore((state) => state.page);
  const mainRef = useRef<HTMLElement>(null);
  const shownPage = useRef(page);
  const CurrentPage = PAGE_COMPONENTS[page];

  const focusHeading = () => mainRef.current?.querySelector<HTMLElement>('h1')?.focus();

  // After a page change (not on first load), move focus to the new page's heading so
  // keyboard and screen-reader users land on the content they asked for.
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    focusHeading();
  }, [page]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={focusHeading}>
        {t('app.skipLink')}
      </button>
      <header className="app-header">
        {/* The brand name is not translated. */}
        <span className="product-name">CV Steward</span>
        <span className="product-tagline">{t('app.tagline')}</span>
      </header>
      <div className="app-body">
        <MainNav />
        <div className="app-content">
          <InterruptedJobsBanner />
          <ErrorSurface />
          <main ref={mainRef} className="page">
            <ErrorBoundary key={page} title={t('app.pageCrashTitle')}>
              <CurrentPage />
            </ErrorBoundary>
          </main>
        </div>
      </div>
    </div>
  );
}
