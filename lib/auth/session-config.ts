// The Auth.js settings for the session: a JWT cookie carrying user id, account id,
// role and a session id, and how long it lasts. proxy.ts reads the same cookie (session-token.ts).
import { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './session-token';

export const sessionConfig = {
  providers: [],
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  trustHost: true,
  callbacks: {
    jwt({ token, user }) {
      // `user` is only present right after authorize(); later calls keep the token as is.
      if (user?.id && user.accountId && user.role) {
        token.userId = Number(user.id);
        token.accountId = user.accountId;
        token.role = user.role;
        token.sessionId = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.userId && token.accountId && token.role && token.sessionId) {
        session.pulse = { userId: token.userId, accountId: token.accountId, role: token.role, sessionId: token.sessionId };
      }
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is an everyday event, answered on the form; not a server error.
      if (error instanceof CredentialsSignin) return;
      console.error('[auth]', error);
    },
  },
} satisfies NextAuthConfig;
