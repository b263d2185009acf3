// Auth.js's own endpoints (session, CSRF token, sign-out). Signing in goes through the
// /login server action; a direct credentials POST here is throttled the same way.
import { handlers } from '@/lib/auth/config';

export const { GET, POST } = handlers;
