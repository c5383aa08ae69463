/**
 * What the Training API cannot delete, in the receipt's language (catalogue `receipt`,
 * group `notDeletable`). The links are fixed: only the words are translated.
 */
import type { Language } from '../../shared/model/preferences';
import type { Receipt } from '../../shared/model/cleanup';
import { mainTranslator } from '../i18n';

const ITEMS = [
  { key: 'resource', url: 'https://learn.microsoft.com/azure/ai-services/recover-purge-resources' },
  { key: 'keys' },
  { key: 'account', url: 'https://www.customvision.ai/' },
  { key: 'copies' },
] as const;

export function notDeletableFor(language: Language): Receipt['notDeletable'] {
  const t = mainTranslator(language, 'receipt');
  return ITEMS.map((item) => ({
    what: t(`notDeletable.${item.key}.what`),
    how: t(`notDeletable.${item.key}.how`),
    ...('url' in item ? { url: item.url } : {}),
  }));
}
