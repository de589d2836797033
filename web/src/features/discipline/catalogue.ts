// The points catalogue in force on a day, and one label for every ledger item: the closing runs' own items from the
// messages, a catalogue item by its name in the policy (in the reader's language).
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { knownKey, useI18n } from '../../i18n';
import type { Catalogue } from './types';

export function useCatalogue(date: string) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setError(null);
    api<Catalogue>('GET', `/api/v1/discipline/catalogue?date=${date}`).then(setCatalogue).catch(setError);
  }, [date]);
  return { catalogue, error };
}

export function useItemLabel(catalogue: Catalogue | null) {
  const { t, locale } = useI18n();
  return useCallback((item: string) => {
    const k = knownKey(`item.${item}`);
    if (k) return t(k);
    const c = catalogue?.points?.items.find((i) => i.key === item);
    return c ? (locale === 'en' ? c.en : c.zh) : item;
  }, [catalogue, locale, t]);
}
