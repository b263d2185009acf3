// The recipient's side of a survey: no manager shell, no navigation, never indexed by
// search engines, and no Referer carrying the personal link to other sites.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  // The personal link never leaves in a Referer; same-origin (not no-referrer, which makes
  // browsers send `Origin: null` with the form post, and Next then refuses the action).
  referrer: 'same-origin',
};

export default function SurveyLayout({ children }: { children: ReactNode }) {
  return <div className="flex min-h-dvh flex-col bg-canvas">{children}</div>;
}
