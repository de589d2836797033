// Report periods as the server names them: a day "2026-11-02", an ISO week "2026-W45", a month "2026-11".
import type { ReportKind } from './types';

const DAY = 86400000;
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The ISO week name of the week holding a day (its Thursday decides the year). */
export function isoWeekName(day: string): string {
  const t = parse(day);
  const weekday = (new Date(t).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(t + (3 - weekday) * DAY);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The period before the one that starts on `from`. */
export function previousPeriod(kind: ReportKind, from: string): string {
  const before = iso(parse(from) - DAY);
  if (kind === 'daily') return before;
  if (kind === 'monthly') return before.slice(0, 7);
  return isoWeekName(before);
}
