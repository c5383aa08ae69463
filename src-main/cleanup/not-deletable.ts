/**
 * What the Training API cannot delete, for the last step of the wizard and every receipt
 * (issue 5 §4–5, reference custom-vision-api.md §1.3 and peers-and-formats.md §3.6). A
 * receipt that said "everything is gone" without these lines would overstate what a run
 * of Training API calls can do.
 */
import type { Receipt } from '../../shared/model/cleanup';

export const NOT_DELETABLE: Receipt['notDeletable'] = [
  {
    what: 'The Azure resource itself (the Custom Vision training resource and its prediction resource)',
    how:
      'Delete it in the Azure portal (resource → Delete). Azure keeps a deleted Azure AI services resource for 48 hours ' +
      '(soft delete) so it can be recovered; purge it to remove it at once and to reuse its name.',
    url: 'https://learn.microsoft.com/azure/ai-services/recover-purge-resources',
  },
  {
    what: 'The keys (Key 1 and Key 2)',
    how: 'They keep working until the resource is deleted. Regenerate both in the Azure portal → your resource → Keys and Endpoint if anyone else may hold them.',
  },
  {
    what: 'The customvision.ai account (subscriptions tied to a Microsoft account)',
    how: 'Sign in at customvision.ai, open Settings and choose "Delete your account". Model exports listed by GetExports are only deleted with the account.',
    url: 'https://www.customvision.ai/',
  },
  {
    what: 'Copies outside the service',
    how:
      'Model files and images already downloaded (including export bundles) stay wherever they were saved. ' +
      'Billing and storage figures in the Azure portal may take a while to reflect the deletion.',
  },
];
