// What a failed request says to the user, in their language. The server answers a stable code and a bilingual
// message ("中文 / English", prefixed "field: " for a field's error); the UI words the codes it knows
// (i18n/errors.ts) and otherwise shows the half of the message in the user's language, without the field code.
import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from './api';
import { knownKey, useI18n, type Locale } from '../i18n';

/** The part of a bilingual server message in `locale`, without a leading "field: ". */
export function messageIn(message: string, locale: Locale): string {
  const bare = message.replace(/^[a-z_][a-z0-9_.]*: /, '');
  const cut = bare.indexOf(' / ');
  if (cut < 0) return bare;
  return (locale === 'en' ? bare.slice(cut + 3) : bare.slice(0, cut)).trim();
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** `(error) => text` for the current language. */
export function useErrorText(): (e: unknown) => string {
  const { t, locale } = useI18n();
  return useCallback(
    (e: unknown) => {
      if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
      // A field's error says what is wrong with it: the server's own words, in the user's half.
      const validation = e.code.startsWith('validation.') || e.field !== undefined;
      const key = knownKey(`error.${e.code}`) ?? knownKey(`error.http.${e.status}`);
      if (key && !validation) return t(key, { n: e.retryAfter ?? 60 });
      const text = messageIn(e.message, locale);
      // A message the server did not word in both languages: do not show Chinese in the English UI.
      if (!text || (locale === 'en' && hasChinese(text))) return key ? t(key, { n: e.retryAfter ?? 60 }) : t('error.unknown', { code: e.code });
      return text;
    },
    [t, locale],
  );
}

/** Puts the server's error beside the field it names (details.field) and returns true, or returns false when
 * it names none of `fields`. `prefix`: a nested object's fields ("follow_up.") map to the form's own. */
export function showFieldError(form: FormInstance, e: unknown, fields: string[], text: (e: unknown) => string, prefix = ''): boolean {
  if (!(e instanceof ApiError) || !e.field) return false;
  const name = prefix && e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
  if (!fields.includes(name)) return false;
  form.setFields([{ name, errors: [text(e)] }]);
  return true;
}
