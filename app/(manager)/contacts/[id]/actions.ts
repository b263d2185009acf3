'use server';
// Opting a contact out or back in by hand, from the contact's page.
import type { Route } from 'next';
import { managerActionWithId } from '@/lib/auth/action';
import { optInByHand, optOutByHand } from '@/lib/contacts/commands';
import { optChangeSchema } from '@/lib/contacts/schemas';

export const changeOptOut = managerActionWithId(optChangeSchema, async (contactId, { intent }, { ctx }) => {
  if (intent === 'opt_out') await optOutByHand(ctx, contactId);
  else await optInByHand(ctx, contactId);
  return { redirectTo: `/contacts/${contactId}` as Route, revalidate: ['/contacts'] };
});
