// Runtime settings from the environment (CONTRACT "Environment"), read when used so
// tests and the launcher can set them per process.
export function publicUrl(): string {
  const configured = process.env.PUBLIC_URL?.trim();
  const url = configured || `http://localhost:${process.env.PORT || '3000'}`;
  return url.replace(/\/+$/, '');
}

export function smsProviderName(): 'sim' | 'twilio' {
  return process.env.SMS_PROVIDER === 'twilio' ? 'twilio' : 'sim';
}

export function simOutcomes(): 'auto' | 'manual' {
  return process.env.SIM_OUTCOMES === 'manual' ? 'manual' : 'auto';
}

export function twilioCredentials(): { accountSid: string; authToken: string } {
  const accountSid = process.env.TWILIO_ACCOUNT_SID;
  const authToken = process.env.TWILIO_AUTH_TOKEN;
  if (!accountSid || !authToken) {
    throw new Error('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set (npm start generates them for the simulator)');
  }
  return { accountSid, authToken };
}

/** Seconds after which a claimed-but-unrecorded send is presumed abandoned by a dead worker. */
export function claimTimeoutSeconds(): number {
  const value = Number(process.env.PULSE_CLAIM_TIMEOUT_SECONDS);
  return Number.isFinite(value) && value > 0 ? value : 90;
}
