import type { ExternalLinkId } from '../../shared/ipc/contract';
import { useStewardStore } from '../store';

/** A link that main opens in the system browser (by id: the page never hands main a URL). */
function ExternalLink({ link, children }: { link: ExternalLinkId; children: string }) {
  const open = useStewardStore((state) => state.openExternalPage);
  return (
    <button type="button" className="link-button" onClick={() => void open(link)}>
      {children}
      <span className="inventory-visually-hidden"> (opens in your browser)</span>
    </button>
  );
}

/** What the Training API cannot delete, and where to do it instead. */
export function CleanupNotDeletable() {
  return (
    <section className="cleanup-not-deletable" aria-labelledby="cleanup-not-deletable-heading">
      <h3 id="cleanup-not-deletable-heading">What the Training API cannot delete</h3>
      <dl className="details">
        <dt>The Azure resource</dt>
        <dd>
          Delete your Custom Vision resources (training and prediction) in the Azure portal. Azure keeps a deleted resource
          for 48 hours (soft delete): it can be recovered in that time, and its name cannot be reused until it is purged.
          Purge it to remove it at once. <ExternalLink link="azure-portal">Open the Azure portal</ExternalLink>{' '}
          <ExternalLink link="azure-soft-delete">Microsoft: recover or purge a deleted resource</ExternalLink>
        </dd>
        <dt>The keys</dt>
        <dd>
          The training and prediction keys work until the resource is deleted; regenerate both under “Keys and Endpoint” in
          the portal if they were ever shared. CV Steward keeps this account’s key in your system keychain until you forget
          the account on the Accounts page.
        </dd>
        <dt>The customvision.ai account</dt>
        <dd>
          If you signed in to customvision.ai with a Microsoft account (projects outside an Azure subscription), close that
          account in its settings. <ExternalLink link="customvision-settings">Open customvision.ai</ExternalLink>
        </dd>
        <dt>Billing and storage</dt>
        <dd>
          Usage and storage figures can take a while to show the deletion.{' '}
          <ExternalLink link="export-delete-data">Microsoft: Export or delete user data in Custom Vision</ExternalLink>
        </dd>
      </dl>
    </section>
  );
}
