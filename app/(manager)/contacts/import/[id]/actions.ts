'use server';
// The staged import's decision: import it (skipping the rows with errors only when
// the manager chose to), or discard it. Either way the import's page shows the outcome.
import type { Route } from 'next';
import { managerActionWithId } from '@/lib/auth/action';
import { applyImport, discardImport } from '@/lib/contacts/import-commands';
import { importDecisionSchema } from '@/lib/contacts/schemas';

export const decideImport = managerActionWithId(importDecisionSchema, async (importId, { intent }, { ctx }) => {
  if (intent === 'discard') await discardImport(ctx, importId);
  else await applyImport(ctx, importId, { skipRowsWithErrors: intent === 'import_valid' });
  return { redirectTo: `/contacts/import/${importId}` as Route, revalidate: ['/contacts'] };
});
