// The contact forms' inputs, checked by the action wrapper before any command runs.
import { z } from 'zod';

const choice = { error: 'validation.invalidChoice' };

/** A contact page's opt-out form: which way the manager is switching the contact. */
export const optChangeSchema = z.object({
  intent: z.enum(['opt_out', 'opt_in'], choice),
});

/**
 * A staged import's form: `import` (a file without errors), `import_valid` (skip
 * the rows with errors, after a confirmation) or `discard`.
 */
export const importDecisionSchema = z.object({
  intent: z.enum(['import', 'import_valid', 'discard'], choice),
});
