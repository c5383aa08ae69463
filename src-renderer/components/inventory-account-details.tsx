import { useTranslation } from 'react-i18next';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { mainTextOr } from '../lib/main-text';
import { i18n } from '../i18n';

/** A limit's figure: numbers and sizes read the same in every language; "Unlimited" is a word. */
function limitValue(value: string): string {
  return value === 'Unlimited' ? i18n.t('inventory.account.unlimited') : value;
}

/**
 * The account row in full: what the app knows locally (never the key, only its fingerprint)
 * and the published per-tier limits, labelled as such: the API has no quota call.
 */
export function InventoryAccountDetails({ snapshot }: { snapshot: InventorySnapshot }) {
  const { t } = useTranslation();
  const { account } = snapshot;
  return (
    <section className="panel" aria-labelledby="inventory-account-heading">
      <h2 id="inventory-account-heading">{t('inventory.account.heading')}</h2>
      <dl className="details">
        <dt>{t('inventory.account.endpoint')}</dt>
        <dd>{account.endpointHost}</dd>
        <dt>{t('inventory.account.resourceName')}</dt>
        <dd>{account.resourceName ?? '—'}</dd>
        <dt>{t('inventory.account.region')}</dt>
        <dd>{account.region ?? '—'}</dd>
        <dt>{t('inventory.account.keyFingerprint')}</dt>
        <dd>
          <code>{account.keyFingerprint}</code>
        </dd>
      </dl>
      <p className="inventory-hint">{t('inventory.account.deleteHint')}</p>
      {account.quotas.length > 0 && (
        <table className="inventory-table">
          {/* Main's figures (Microsoft's published table); each limit's name comes as a catalogue code. */}
          <caption>{t('inventory.account.quotasCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inventory.account.limit')}</th>
              <th scope="col">{t('inventory.account.free')}</th>
              <th scope="col">{t('inventory.account.standard')}</th>
            </tr>
          </thead>
          <tbody>
            {account.quotas.map((quota) => (
              <tr key={quota.what}>
                <th scope="row">{mainTextOr(quota.whatText, quota.what)}</th>
                <td>{limitValue(quota.free)}</td>
                <td>{limitValue(quota.standard)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
