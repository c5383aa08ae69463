import type { InventorySnapshot } from '../../shared/model/inventory';

/**
 * The account row in full: what the app knows locally (never the key, only its fingerprint)
 * and the published per-tier limits, labelled as such: the API has no quota call.
 */
export function InventoryAccountDetails({ snapshot }: { snapshot: InventorySnapshot }) {
  const { account } = snapshot;
  return (
    <section className="panel" aria-labelledby="inventory-account-heading">
      <h2 id="inventory-account-heading">Account</h2>
      <dl className="details">
        <dt>Endpoint</dt>
        <dd>{account.endpointHost}</dd>
        <dt>Resource name</dt>
        <dd>{account.resourceName ?? '—'}</dd>
        <dt>Region</dt>
        <dd>{account.region ?? '—'}</dd>
        <dt>Key fingerprint</dt>
        <dd>
          <code>{account.keyFingerprint}</code>
        </dd>
      </dl>
      <p className="inventory-hint">
        Deleting the account itself is not possible through the API: it is done in the Azure portal (the resource) or
        in the customvision.ai settings.
      </p>
      {account.quotas.length > 0 && (
        <table className="inventory-table">
          <caption>
            Published limits per pricing tier (from Microsoft&apos;s &ldquo;Limits and quotas&rdquo; page; the API
            cannot tell which tier this resource uses or how much of it is used)
          </caption>
          <thead>
            <tr>
              <th scope="col">Limit</th>
              <th scope="col">Free (F0)</th>
              <th scope="col">Standard (S0)</th>
            </tr>
          </thead>
          <tbody>
            {account.quotas.map((quota) => (
              <tr key={quota.what}>
                <th scope="row">{quota.what}</th>
                <td>{quota.free}</td>
                <td>{quota.standard}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
