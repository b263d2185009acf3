// What crosses from the server to the composer form, in plain values: the choices the
// page offers, and what the server action hands back (the wrapper's form state plus
// the estimate of the draft).
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

/** What the form offers, prepared by the page (numbers formatted for the reader). */
export type ComposerChoices = {
  numbers: Array<{ value: string; label: string }>;
  surveys: Array<{ id: number; name: string }>;
  tags: Array<{ name: string; contacts: number }>;
  contacts: number;
  /** Recipients picked on another campaign's page (`/campaigns/new?from=ID&recipient=…`). */
  selection: { campaignId: number; campaignName: string; count: number } | null;
};
