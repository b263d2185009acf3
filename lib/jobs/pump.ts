// The worker's heartbeat: several times a second it starts campaigns whose time has
// come and hands due messages to the provider; every few seconds it settles claims
// left behind by a worker that died mid-send, and refreshes the stored estimates of
// campaigns still waiting to go out. Each step is safe to run in several
// workers at once (row claims use FOR UPDATE SKIP LOCKED).
import type PgBoss from 'pg-boss';
import { refreshCampaignEstimates } from '@/lib/campaigns/estimates';
import { launchDueCampaigns } from '@/lib/campaigns/launch';
import { dispatchDueMessages, recoverAbandonedClaims } from '@/lib/messaging/dispatch';
import type { SmsProvider } from '@/lib/messaging/providers/provider';

const IDLE_PAUSE_MS = 250;
const RECOVERY_EVERY_MS = 5_000;
const ESTIMATES_EVERY_MS = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startPump(boss: PgBoss, provider: SmsProvider): { stop(): Promise<void> } {
  let running = true;
  let lastRecovery = 0;
  let lastEstimates = 0;
  const loop = async () => {
    while (running) {
      try {
        if (Date.now() - lastRecovery >= RECOVERY_EVERY_MS) {
          lastRecovery = Date.now();
          await recoverAbandonedClaims(provider);
        }
        if (Date.now() - lastEstimates >= ESTIMATES_EVERY_MS) {
          lastEstimates = Date.now();
          await refreshCampaignEstimates();
        }
        await launchDueCampaigns(boss);
        const handed = await dispatchDueMessages(provider);
        if (handed === 0) await pause(IDLE_PAUSE_MS);
      } catch (error) {
        console.error('worker pump:', error);
        await pause(1_000);
      }
    }
  };
  const finished = loop();
  return {
    async stop() {
      running = false;
      await finished;
    },
  };
}
