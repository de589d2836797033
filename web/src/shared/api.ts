// The JSON API, as the browser calls it: the session is the HttpOnly cookie the login set. Errors arrive in one
// shape ({"error": {code, message, details}}) and are thrown as ApiError.
export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public details: Record<string, unknown> = {},
    public retryAfter?: number,
  ) {
    super(message);
  }
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

/** `idempotencyKey`: the same key on a retry answers the first result and records nothing twice. */
export async function api<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器 / cannot reach the server');
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const error = errorOf(res, json);
    // The session ended (expired, revoked, signed out elsewhere): the app returns to sign-in and back here after.
    if (res.status === 401 && !path.startsWith('/api/v1/auth/')) window.dispatchEvent(new Event(SESSION_ENDED));
    throw error;
  }
  return json as T;
}

/** Fired on window when a request finds the session gone. */
export const SESSION_ENDED = 'waihu:session-ended';

/** A fresh Idempotency-Key for one thing the user records. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** The server's error answer as an ApiError. */
export function errorOf(res: Response, json: { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null): ApiError {
  const e = json?.error ?? {};
  const retry = Number(res.headers.get('retry-after')) || undefined;
  return new ApiError(res.status, e.code ?? 'http.' + res.status, e.message ?? res.statusText, e.details ?? {}, retry);
}

export type { Page, User, Customer, Call, CallFigures } from './types';
