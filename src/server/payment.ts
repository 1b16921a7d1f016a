import { expectFields } from './http.js';
import type { BillingKey, Payment, RawPayment } from './types.js';

// Verification compares these, so a reply without them is refused rather than compared loosely:
// a missing `cancel_amount` is not "nothing refunded", nor a missing `sandbox` "a live payment".
// PortOne's schema marks all of them required.
const PAYMENT_FIELDS = {
  imp_uid: 'string',
  merchant_uid: 'string',
  amount: 'number',
  cancel_amount: 'number',
  currency: 'string',
  status: 'string',
  sandbox: 'boolean',
} as const;

/** Reads optional fields of a V1 record: strings or `null`, UNIX seconds (0 = never) as `Date` or `null` (never an Invalid Date). */
function fieldsOf(raw: Record<string, unknown>) {
  return {
    str: (field: string): string | null => {
      const value = raw[field];
      return typeof value === 'string' ? value : null;
    },
    time: (field: string): Date | null => {
      const seconds = raw[field];
      const date = typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000) : null;
      // Seconds no Date can hold give an Invalid Date, whose toISOString throws in the caller's code.
      return date && !Number.isNaN(date.getTime()) ? date : null;
    },
  };
}

/** PortOne's `PaymentAnnotation` → `Payment`. */
export function toPayment(response: unknown, endpoint: string): Payment {
  const raw = expectFields(response, endpoint, PAYMENT_FIELDS) as RawPayment;
  const { str, time } = fieldsOf(raw);
  return {
    impUid: raw.imp_uid,
    merchantUid: raw.merchant_uid,
    status: raw.status,
    amount: raw.amount,
    cancelAmount: raw.cancel_amount,
    currency: raw.currency,
    name: str('name'),
    payMethod: str('pay_method'),
    pgProvider: str('pg_provider'),
    embPgProvider: str('emb_pg_provider'),
    pgTid: str('pg_tid'),
    channel: str('channel'),
    sandbox: raw.sandbox,
    buyerName: str('buyer_name'),
    buyerEmail: str('buyer_email'),
    buyerTel: str('buyer_tel'),
    buyerAddr: str('buyer_addr'),
    buyerPostcode: str('buyer_postcode'),
    customerUid: str('customer_uid'),
    customerUidUsage: str('customer_uid_usage'),
    customData: parseCustomData(raw.custom_data),
    startedAt: time('started_at'),
    paidAt: time('paid_at'),
    failedAt: time('failed_at'),
    cancelledAt: time('cancelled_at'),
    failReason: str('fail_reason'),
    cancelReason: str('cancel_reason'),
    receiptUrl: str('receipt_url'),
    raw,
  };
}

/** PortOne's `CustomerAnnotation` → `BillingKey`. */
export function toBillingKey(response: unknown, endpoint: string): BillingKey {
  const raw = expectFields(response, endpoint, { customer_uid: 'string' });
  const { str, time } = fieldsOf(raw);
  return {
    customerUid: raw.customer_uid as string,
    pgProvider: str('pg_provider'),
    pgId: str('pg_id'),
    cardName: str('card_name'),
    cardCode: str('card_code'),
    cardNumber: str('card_number'),
    cardType: typeof raw.card_type === 'number' ? String(raw.card_type) : str('card_type'),
    customerName: str('customer_name'),
    customerTel: str('customer_tel'),
    customerEmail: str('customer_email'),
    customerAddr: str('customer_addr'),
    customerPostcode: str('customer_postcode'),
    inserted: time('inserted'),
    updated: time('updated'),
    raw,
  };
}

/** `custom_data` is stored as a JSON string; give back what the merchant put in. */
export function parseCustomData(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
