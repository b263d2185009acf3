'use client';
// The page a form was sent from, as a hidden field, so its action can come back to
// it. Rendered on the server as well, so it is filled in without JavaScript.
import { usePathname, useSearchParams } from 'next/navigation';

export function ReturnToField() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />;
}
