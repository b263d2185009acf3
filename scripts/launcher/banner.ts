// What the launcher tells the user once Pulse answers: where it is, how to sign in,
// which SMS provider it talks to, and where its data lives.
import type { PreparedDatabase } from './database';
import type { Secrets } from './secrets';
import type { Settings } from './settings';

export type BannerFacts = {
  settings: Settings;
  secrets: Secrets;
  database: PreparedDatabase;
  databaseUrl: string;
  readyIn: string;
};

export function printBanner({ settings, secrets, database, databaseUrl, readyIn }: BannerFacts, log: (line: string) => void) {
  const rule = '─'.repeat(72);
  const lines: string[] = [rule];
  if (settings.databaseOnly) {
    lines.push(`  Pulse's database is ready (${readyIn}). Connect with:`, `    DATABASE_URL=${databaseUrl}`);
  } else {
    lines.push(`  Pulse is running at ${settings.publicUrl}   (ready in ${readyIn})`);
    if (settings.publicUrl !== `http://localhost:${settings.port}`) {
      lines.push(`  Listening on port ${settings.port}`);
    }
  }

  if (database.demoLogins.length > 0) {
    lines.push('', '  Demo logins:');
    const width = Math.max(...database.demoLogins.map((login) => login.email.length));
    const passwordWidth = Math.max(...database.demoLogins.map((login) => login.password.length));
    for (const login of database.demoLogins) {
      lines.push(`    ${login.email.padEnd(width)}  ${login.password.padEnd(passwordWidth)}  ${login.role} of "${login.account}"`);
    }
  }

  lines.push('');
  if (settings.smsProvider === 'sim') {
    lines.push(
      `  SMS          built-in simulator (SIM_OUTCOMES=${settings.simOutcomes}); its outbox is at /sim`,
      `  Simulator    TWILIO_ACCOUNT_SID=${secrets.twilioAccountSid}`,
      `               TWILIO_AUTH_TOKEN=${secrets.twilioAuthToken}`,
    );
  } else {
    lines.push(`  SMS          Twilio, account ${secrets.twilioAccountSid}; callbacks go to ${settings.publicUrl}`);
  }
  lines.push(
    settings.databaseUrl === null
      ? `  Database     embedded PostgreSQL in ${settings.dataDirLabel}/ (only while Pulse runs: ${databaseUrl})`
      : `  Database     ${withoutPassword(databaseUrl)}`,
    `  Stop         Ctrl-C`,
    rule,
  );
  lines.forEach((line) => log(line));
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}
