// The organisation's teams (tens of them: the whole tree comes in one answer).
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../../shared/api';

export interface Team {
  id: number;
  name: string;
  parent_id: number | null;
}

export function useTeams() {
  const [teams, setTeams] = useState<Team[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const reload = useCallback(async () => {
    try {
      setTeams((await api<Page<Team>>('GET', '/api/v1/teams')).items);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { teams, error, reload };
}
