// What Pulse keeps in the Auth.js JWT and session: who signed in, in which account,
// with which role at sign-in time (pages re-read the role from the database).
import '@auth/core/types';
import '@auth/core/jwt';

type PulseRole = 'manager' | 'agent';

declare module '@auth/core/types' {
  interface User {
    accountId?: number;
    role?: PulseRole;
  }

  interface Session {
    /** Kept apart from Auth.js's own fields (its adapter session has a string userId). */
    pulse?: { userId: number; accountId: number; role: PulseRole; sessionId: string };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    userId?: number;
    accountId?: number;
    role?: PulseRole;
    /** Random per sign-in, so signing out can end this session alone (ended_sessions). */
    sessionId?: string;
  }
}
