import { describe, expect, it } from 'vitest';
import { messageStatus } from '@/db/schema';
import {
  canAdvance,
  deliveryBucket,
  isMessageStatus,
  MESSAGE_STATUSES,
  parseProviderStatus,
  statusRank,
  type MessageStatus,
} from '@/lib/messaging/status';

describe('a message only moves forward', () => {
  it("a late 'sent' after 'delivered' does not advance", () => {
    expect(canAdvance('delivered', 'sent')).toBe(false);
  });

  it("'read' after 'delivered' advances", () => {
    expect(canAdvance('delivered', 'read')).toBe(true);
  });

  it("'failed' after 'delivered' does not advance, nor 'delivered' after 'undelivered'", () => {
    expect(canAdvance('delivered', 'failed')).toBe(false);
    expect(canAdvance('undelivered', 'delivered')).toBe(false);
  });

  it('the same status twice does not advance', () => {
    for (const status of MESSAGE_STATUSES) expect(canAdvance(status, status)).toBe(false);
  });

  it('follows the whole outbound path, with callbacks out of order absorbed', () => {
    const path: MessageStatus[] = ['pending', 'ready', 'claimed', 'queued', 'sending', 'sent', 'delivered', 'read'];
    for (let i = 1; i < path.length; i++) expect(canAdvance(path[i - 1]!, path[i]!)).toBe(true);
    expect(canAdvance('sent', 'queued')).toBe(false);
    expect(canAdvance('sent', 'sending')).toBe(false);
    // A provider callback can skip steps.
    expect(canAdvance('claimed', 'delivered')).toBe(true);
    expect(canAdvance('queued', 'undelivered')).toBe(true);
  });

  it('ranks the statuses as agreed', () => {
    const expected: Record<MessageStatus, number> = {
      pending: 0, ready: 1, claimed: 2, queued: 3, accepted: 3, scheduled: 3, sending: 4, sent: 5,
      delivered: 6, undelivered: 6, failed: 6, canceled: 6, partially_delivered: 6, suppressed: 6, read: 7,
      receiving: 0, received: 1,
    };
    for (const status of MESSAGE_STATUSES) expect(statusRank(status)).toBe(expected[status]);
  });

  it('knows exactly the statuses of the database enum', () => {
    expect([...MESSAGE_STATUSES]).toEqual(messageStatus.enumValues);
    expect(isMessageStatus('delivered')).toBe(true);
    expect(isMessageStatus('Delivered')).toBe(false);
    expect(isMessageStatus('toString')).toBe(false);
    expect(isMessageStatus(undefined)).toBe(false);
  });
});

describe('how a status counts for a recipient', () => {
  it.each<[MessageStatus, string]>([
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['failed', 'failed'],
    ['undelivered', 'failed'],
    ['canceled', 'failed'],
    ['suppressed', 'suppressed'],
    ['pending', 'pending'],
    ['ready', 'pending'],
    ['claimed', 'pending'],
    ['queued', 'pending'],
    ['accepted', 'pending'],
    ['scheduled', 'pending'],
    ['sending', 'pending'],
    ['sent', 'pending'],
    ['partially_delivered', 'pending'],
  ])('%s counts as %s', (status, bucket) => {
    expect(deliveryBucket(status)).toBe(bucket);
  });
});

describe("Twilio's status strings", () => {
  it('maps every status Twilio sends', () => {
    for (const status of ['queued', 'accepted', 'scheduled', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'canceled', 'partially_delivered', 'receiving', 'received']) {
      expect(parseProviderStatus(status)).toBe(status);
    }
  });

  it('tolerates case and surrounding spaces', () => {
    expect(parseProviderStatus(' Delivered ')).toBe('delivered');
    expect(parseProviderStatus('UNDELIVERED')).toBe('undelivered');
  });

  it('answers null for anything else, including our own dispatch states', () => {
    for (const value of ['', 'delivrd', 'pending', 'ready', 'claimed', 'suppressed', 'constructor', '__proto__']) {
      expect(parseProviderStatus(value)).toBeNull();
    }
    expect(parseProviderStatus(null)).toBeNull();
    expect(parseProviderStatus(6)).toBeNull();
  });
});
