import { MERCHANT_UID_MAX_LENGTH } from './config.js';

/**
 * A fresh order id for one attempt. PortOne rejects a `merchant_uid` that was already paid, so
 * every attempt (a retry too) gets its own. Time first, so ids sort by when they were made;
 * `getRandomValues` rather than `randomUUID` because the latter needs a secure context.
 */
export function newMerchantUid(now: number = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(8));
  const hex = Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `pw-${now.toString(36)}-${hex}`.slice(0, MERCHANT_UID_MAX_LENGTH);
}
