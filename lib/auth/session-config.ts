// The Auth.js settings that read and write the session cookie, without the sign-in
// provider: proxy.ts uses them to check the JWT without touching the database.
import { CredentialsSignin, type NextAuthConfig } from 'next-auth';

/** Sessions last two weeks and are renewed at most once a day while in use. */
const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;

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
      }
      return token;
    },
    session({ session, token }) {
      if (token.userId && token.accountId && token.role) {
        session.pulse = { userId: token.userId, accountId: token.accountId, role: token.role };
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
