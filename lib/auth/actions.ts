'use server';
// Sign-out as a server action, so `<form action={signOut}>` works with JavaScript off.
import { signOut as endSession } from './config';

/** Ends the session and goes to /login. */
export async function signOut(): Promise<void> {
  await endSession({ redirectTo: '/login' });
}
