'use server';
// Sign-out as a server action, so `<form action={signOut}>` works with JavaScript off.
import { signOut as endSession } from './config';
import { currentSessionClaims } from './request';
import { recordSignOut } from './ended-sessions';

/** Ends the session (for good: a copy of its cookie no longer works either) and goes to /login. */
export async function signOut(): Promise<void> {
  const claims = await currentSessionClaims();
  if (claims) await recordSignOut(claims.sessionId);
  await endSession({ redirectTo: '/login' });
}
