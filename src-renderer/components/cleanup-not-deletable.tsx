import { useTranslation } from 'react-i18next';
import type { ExternalLinkId } from '../../shared/model/external-links';
import { useStewardStore } from '../store';

/** A link that main opens in the system browser (by id: the page never hands main a URL). */
function ExternalLink({ link, children }: { link: ExternalLinkId; children: string }) {
  const { t } = useTranslation();
  const open = useStewardStore((state) => state.openExternalPage);
  return (
    <button type="button" className="link-button" onClick={() => void open(link)}>
      {children}
      <span className="inventory-visually-hidden"> {t('cleanup.notDeletable.opensInBrowser')}</span>
    </button>
  );
}

/** What the Training API cannot delete, and where to do it instead. */
export function CleanupNotDeletable() {
  const { t } = useTranslation();
  return (
    <section className="cleanup-not-deletable" aria-labelledby="cleanup-not-deletable-heading">
      <h3 id="cleanup-not-deletable-heading">{t('cleanup.notDeletable.heading')}</h3>
      <dl className="details">
        <dt>{t('cleanup.notDeletable.resource')}</dt>
        <dd>
          {t('cleanup.notDeletable.resourceText')} <ExternalLink link="azure-portal">{t('cleanup.notDeletable.openPortal')}</ExternalLink>{' '}
          <ExternalLink link="azure-soft-delete">{t('cleanup.notDeletable.softDelete')}</ExternalLink>
        </dd>
        <dt>{t('cleanup.notDeletable.keys')}</dt>
        <dd>{t('cleanup.notDeletable.keysText')}</dd>
        <dt>{t('cleanup.notDeletable.customVisionAccount')}</dt>
        <dd>
          {t('cleanup.notDeletable.customVisionText')}{' '}
          <ExternalLink link="customvision-settings">{t('cleanup.notDeletable.openCustomVision')}</ExternalLink>
        </dd>
        <dt>{t('cleanup.notDeletable.billing')}</dt>
        <dd>
          {t('cleanup.notDeletable.billingText')}{' '}
          <ExternalLink link="export-delete-data">{t('cleanup.notDeletable.exportDeleteData')}</ExternalLink>
        </dd>
      </dl>
    </section>
  );
}
