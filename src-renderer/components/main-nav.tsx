import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hashForPage } from '../store/hash-routing';
import { PAGES, pageLabel, useStewardStore, type Page } from '../store';

/** The left navigation. Real links (so the hash is visible), switched through the store. */
export function MainNav() {
  const { t } = useTranslation();
  const current = useStewardStore((state) => state.page);
  const navigate = useStewardStore((state) => state.navigate);

  const go = (page: Page) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(page);
  };

  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul className="nav-list">
        {PAGES.map((page) => (
          <li key={page}>
            <a
              href={hashForPage(page)}
              className="nav-link"
              aria-current={page === current ? 'page' : undefined}
              onClick={go(page)}
            >
              {pageLabel(page)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
