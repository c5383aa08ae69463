/**
 * What the Training API cannot delete, for the last step of the wizard and every receipt
 * (the Azure resource, its keys, the customvision.ai account and copies outside the
 * service: no Training API call removes them). A receipt that said "everything is gone"
 * without these lines would overstate what a run of Training API calls can do. The words
 * live in the `receipt` catalogue (src-main/i18n/locales/<language>/receipt.json);
 * receipts use notDeletableFor(language).
 */
import type { Receipt } from '../../shared/model/cleanup';
import { notDeletableFor } from './receipt-not-deletable';

export { notDeletableFor } from './receipt-not-deletable';

/** The English list (what receipts written before the language choice hold). */
export const NOT_DELETABLE: Receipt['notDeletable'] = notDeletableFor('en');
