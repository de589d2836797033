// The catalogues and the hook that reads them. Each feature keeps its own messages (features/*/messages.ts), both
// languages side by side; this file joins them and hands antd its locale (and the system's reduce-motion choice),
// static confirms and messages included.
// zh-CN is the default; the choice is kept in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import * as app from '../app/messages';
import * as shared from '../shared/messages';
import * as desk from '../features/desk/messages';
import * as calls from '../features/calls/messages';
import * as customers from '../features/customers/messages';
import * as imports from '../features/import/messages';
import * as admin from '../features/admin/messages';
import * as overview from '../features/overview/messages';
import * as rules from '../features/rules/messages';
import * as discipline from '../features/discipline/messages';
import * as reports from '../features/reports/messages';
import * as claims from '../features/claims/messages';
import * as rankings from '../features/rankings/messages';
import * as meetings from '../features/meetings/messages';
import * as pay from '../features/pay/messages';
import * as leads from '../features/leads/messages';
import * as errors from './errors';
import { useReducedMotion } from '../shared/motion';

const zh = { ...app.zh, ...shared.zh, ...desk.zh, ...calls.zh, ...customers.zh, ...imports.zh, ...admin.zh, ...overview.zh, ...rules.zh, ...discipline.zh, ...reports.zh, ...claims.zh, ...rankings.zh, ...meetings.zh, ...pay.zh, ...leads.zh, ...errors.zh };
const en = { ...app.en, ...shared.en, ...desk.en, ...calls.en, ...customers.en, ...imports.en, ...admin.en, ...overview.en, ...rules.en, ...discipline.en, ...reports.en, ...claims.en, ...rankings.en, ...meetings.en, ...pay.en, ...leads.en, ...errors.en };

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;
export type Locale = 'zh-CN' | 'en';

const catalogues: Record<Locale, Messages> = { 'zh-CN': zh, en };

/** A message key made at run time (a server code, an enum value): the key when the catalogue has it. */
export function knownKey(key: string): MessageKey | undefined {
  return key in zh ? (key as MessageKey) : undefined;
}

interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    localStorage.getItem('waihu.locale') === 'en' ? 'en' : 'zh-CN',
  );
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem('waihu.locale', l);
    document.documentElement.lang = l;
    setLocaleState(l);
  }, []);
  const t = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => {
      let text: string = catalogues[locale][key] ?? key;
      for (const [name, value] of Object.entries(vars ?? {})) text = text.replace(`{${name}}`, String(value));
      return text;
    },
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  const reducedMotion = useReducedMotion();
  // Always an object: a theme switching between undefined and an object would remount the whole app.
  const theme = useMemo(() => ({ token: { motion: !reducedMotion } }), [reducedMotion]);
  const antdLocale = locale === 'en' ? enUS : zhCN;
  // Static confirms and messages (Modal.confirm, message.success) render outside this tree: the same settings reach
  // them here, or a confirm would still zoom in with motion reduced.
  useEffect(() => {
    ConfigProvider.config({
      holderRender: (children) => <ConfigProvider locale={antdLocale} theme={theme}>{children}</ConfigProvider>,
    });
  }, [antdLocale, theme]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocale} theme={theme}>{children}</ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
