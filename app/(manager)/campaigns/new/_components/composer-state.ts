// What the composer's server action hands back to the form: the wrapper's form state
// plus the estimate of the draft, in plain values that cross to the browser.
import type { FormState } from '@/lib/auth/action';
import type { ComposerField, SampleNames } from '@/lib/campaigns/compose-schema';

export type ComposerIntent = 'check' | 'replace_ucs2' | 'send';

export type EstimateView = {
  recipients: number;
  suppressed: number;
  /** The first recipient's names, so the live counter fills the fields the same way. */
  first: SampleNames | null;
  /** The message the first recipient would get. */
  message: string;
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  credits: number;
  creditsBasis: 'exact' | 'sample';
  /** ISO instant the campaign would go out ("now" for send now). */
  sendAt: string;
  plan: { monthLabel: string; allowance: number; leftBefore: number; overageCredits: number; overageMoney: string } | null;
};

export type ComposerState = FormState<ComposerField> & {
  /** A new value per answer from the server: the form re-mounts with the values it sent back. */
  round: string;
  /** The estimate of the draft as submitted, when it could be read. */
  estimate?: EstimateView | null;
  /** `{…}` tokens of the body that are not merge fields, to name them under the body. */
  unknownFields?: string[];
};
