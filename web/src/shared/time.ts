// Times as the company reads them: in its time zone (the server names it in /auth/me), whatever zone the browser
// runs in. A 17:30 call in Shanghai shows as 17:30 on a laptop set to UTC.
import { useMemo } from 'react';
import { useAuth } from './auth';
import { useI18n } from '../i18n';

export const DEFAULT_ZONE = 'Asia/Shanghai';

export interface CompanyTime {
  zone: string;
  /** "2026-12-02 17:30" */
  dateTime: (iso: string | null | undefined) => string;
  /** "17:30" (with seconds: "17:30:05") */
  time: (iso: string | null | undefined, seconds?: boolean) => string;
  /** "YYYY-MM-DD" of a moment, in the company's zone. */
  date: (at: string | number | Date) => string;
  /** Today's date in the company's zone. */
  today: () => string;
  /** The instant (epoch ms) a "YYYY-MM-DD" day begins in the company's zone. */
  dayStart: (day: string) => number;
  /** The instant (epoch ms) of a wall-clock "YYYY-MM-DD HH:mm" in the company's zone (a picker's choice). */
  wallTime: (dateTime: string) => number;
}

function parts(at: Date, zone: string, seconds: boolean): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    second: seconds ? '2-digit' : undefined, hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
}

export function companyTime(zone: string): CompanyTime {
  const date = (at: string | number | Date) => {
    const p = parts(new Date(at), zone, false);
    return `${p.year}-${p.month}-${p.day}`;
  };
  return {
    zone,
    dateTime: (iso) => {
      if (!iso) return '—';
      const p = parts(new Date(iso), zone, false);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    },
    time: (iso, seconds = false) => {
      if (!iso) return '—';
      const p = parts(new Date(iso), zone, seconds);
      return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
    },
    date,
    today: () => date(Date.now()),
    dayStart: (day) => {
      // The zone's offset at that midnight: read the UTC midnight's wall clock there, and step back by the difference.
      const guess = Date.parse(`${day}T00:00:00Z`);
      const p = parts(new Date(guess), zone, true);
      const wall = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
      return guess - (wall - guess);
    },
    wallTime: (dateTime) => {
      const [day, hm = '00:00'] = dateTime.split(' ');
      const [h, m] = hm.split(':').map(Number);
      return companyTime(zone).dayStart(day) + (h * 60 + m) * 60000;
    },
  };
}

/** The company's clock for the signed-in user. */
export function useCompanyTime(): CompanyTime {
  const { user } = useAuth();
  const zone = user?.time_zone ?? DEFAULT_ZONE;
  return useMemo(() => companyTime(zone), [zone]);
}

/** "1:05:09" / "4:09" from seconds. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole days from one "YYYY-MM-DD" to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
}

/** Numbers grouped as the user's language writes them ("12,345"). */
export function useNumber(): (n: number) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN');
    return (n: number) => f.format(n);
  }, [locale]);
}
