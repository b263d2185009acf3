// Auth.js for Pulse: email + password (credentials) sign-in, JWT sessions carrying the
// user id, account id and role. authorize() throttles and checks through credentials.ts.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate, clientAddressFrom } from './credentials';
import { signInSchema } from './login-form';
import { sessionConfig } from './session-config';

/** Too many failed attempts for this email or address; `minutes` until it may retry. */
export class SignInThrottled extends CredentialsSignin {
  override code = 'throttled';
  constructor(readonly minutes: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...sessionConfig,
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const input = signInSchema.safeParse(credentials);
        if (!input.success) return null;
        const result = await authenticate(input.data.email, input.data.password, clientAddressFrom(request.headers));
        switch (result.outcome) {
          case 'signed-in':
            return {
              id: String(result.user.id),
              accountId: result.user.accountId,
              role: result.user.role,
              name: result.user.name,
              email: result.user.email,
            };
          case 'throttled':
            throw new SignInThrottled(result.minutes);
          case 'invalid':
            return null;
        }
      },
    }),
  ],
});
