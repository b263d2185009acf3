// The site's front door: managers start on their campaigns. Signed-out visitors are
// sent to /login by proxy.ts before they get here; the check below covers a session
// that ended in between.
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';

export default async function Home() {
  redirect((await getCurrentUser()) ? '/campaigns' : '/login');
}
