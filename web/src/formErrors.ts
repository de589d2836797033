// Puts the server's error on the field it names (details.field), or returns false when it names none.
import type { FormInstance } from 'antd';
import { ApiError } from './api';

export function showFieldError(form: FormInstance, e: unknown, fields: string[]): boolean {
  if (e instanceof ApiError && e.field && fields.includes(e.field)) {
    form.setFields([{ name: e.field, errors: [e.message] }]);
    return true;
  }
  return false;
}
