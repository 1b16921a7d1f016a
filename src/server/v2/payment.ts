import { PaymentVerificationError, type PaymentVerificationReason } from '../errors.js';
import { expectFields } from '../http.js';
import { parseCustomData } from '../payment.js';
import { sameCurrency } from '../verify.js';
import type { V2Channel, V2Payment, V2VerifyPaymentInput } from './types.js';

type Record_ = Record<string, unknown>;

const asRecord = (value: unknown): Record_ | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record_) : null;
const str = (record: Record_ | null, field: string): string | null => (typeof record?.[field] === 'string' ? (record[field] as string) : null);
const num = (record: Record_ | null, field: string): number | null => (typeof record?.[field] === 'number' ? (record[field] as number) : null);
/** An RFC 3339 date-time field as a `Date`; `null` when absent or unparseable, never an Invalid Date. */
export const time = (record: Record_, field: string): Date | null => {
  const value = str(record, field);
  const date = value === null ? null : new Date(value);
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

// `PaymentAmount`'s required fields, in every status. Verification compares them, so a reply
// without one is refused rather than read as 0: a missing `cancelled` is not "nothing refunded".
const AMOUNT_FIELDS = { total: 'number', taxFree: 'number', discount: 'number', paid: 'number', cancelled: 'number', cancelledTaxFree: 'number' } as const;

/** PortOne V2's `Payment` (any status) → `V2Payment`. */
export function toV2Payment(response: unknown, endpoint: string): V2Payment {
  const raw = expectFields(response, endpoint, { id: 'string', status: 'string', currency: 'string', amount: 'object' });
  const amount = expectFields(raw.amount, endpoint, AMOUNT_FIELDS) as Record<keyof typeof AMOUNT_FIELDS, number> & Record_;
  const channel = asRecord(raw.channel);
  const failure = asRecord(raw.failure);
  return {
    paymentId: raw.id as string,
    transactionId: str(raw, 'transactionId'),
    status: raw.status as string,
    storeId: str(raw, 'storeId'),
    channel: channel && ({
      // Never assumed: a channel PortOne does not call LIVE is not one for verification.
      type: str(channel, 'type'),
      key: str(channel, 'key'),
      pgProvider: str(channel, 'pgProvider'),
      pgMerchantId: str(channel, 'pgMerchantId'),
    } satisfies V2Channel),
    orderName: str(raw, 'orderName'),
    amount: {
      total: amount.total,
      taxFree: amount.taxFree,
      discount: amount.discount,
      paid: amount.paid,
      cancelled: amount.cancelled,
      cancelledTaxFree: amount.cancelledTaxFree,
      vat: num(amount, 'vat'),
      supply: num(amount, 'supply'),
    },
    currency: raw.currency as string,
    customer: asRecord(raw.customer),
    customData: parseCustomData(raw.customData),
    pgTxId: str(raw, 'pgTxId'),
    receiptUrl: str(raw, 'receiptUrl'),
    requestedAt: time(raw, 'requestedAt'),
    paidAt: time(raw, 'paidAt'),
    failedAt: time(raw, 'failedAt'),
    cancelledAt: time(raw, 'cancelledAt'),
    failure: failure && { reason: str(failure, 'reason'), pgCode: str(failure, 'pgCode'), pgMessage: str(failure, 'pgMessage') },
    cancellations: Array.isArray(raw.cancellations) ? raw.cancellations.filter((c): c is Record_ => asRecord(c) !== null) : [],
    raw,
  };
}

/** `KRW` and `CURRENCY_KRW` are the same currency in V2. */
const currencyCode = (value: string): string => value.replace(/^CURRENCY_/i, '');

/**
 * Throws the first way `payment` differs from the order: not `PAID` (a cancelled one says
 * `cancelled`), any amount cancelled or any cancellation but a `FAILED` one (a PG that refunds later
 * leaves the payment `PAID` with nothing cancelled meanwhile), a test channel the client does not
 * accept, then amount and currency.
 */
export function assertV2PaymentMatches(payment: V2Payment, expected: V2VerifyPaymentInput, acceptTestPayments: boolean): void {
  const fail = (reason: PaymentVerificationReason, want: unknown, got: unknown): never => {
    throw new PaymentVerificationError<V2Payment>(reason, want, got, payment, payment.paymentId);
  };
  if (payment.status === 'CANCELLED' || payment.status === 'PARTIAL_CANCELLED') fail('cancelled', 0, payment.amount.cancelled);
  if (payment.status !== 'PAID') fail('not-paid', 'PAID', payment.status);
  if (payment.amount.cancelled !== 0) fail('cancelled', 0, payment.amount.cancelled);
  // Only a cancellation PortOne reports FAILED refunded nothing. One without a status, with one this
  // client does not know, or that is no object at all may be a refund under way: never taken for none.
  // Nor is a `cancellations` that is no list (one cancellation where the array belongs): only a
  // missing or null one means none.
  const listed = payment.raw.cancellations;
  const cancellations: unknown[] = Array.isArray(listed) ? listed : listed === undefined || listed === null ? [] : [listed];
  const refunding = cancellations.filter((c) => asRecord(c)?.status !== 'FAILED');
  if (refunding.length > 0) fail('cancelled', 'no cancellation', asRecord(refunding[0])?.status ?? null);
  if (!acceptTestPayments && payment.channel?.type !== 'LIVE') fail('test-payment', 'LIVE', payment.channel?.type ?? null);
  if (payment.amount.total !== expected.amount) fail('amount-mismatch', expected.amount, payment.amount.total);
  if (!sameCurrency(currencyCode(payment.currency), currencyCode(expected.currency))) fail('currency-mismatch', expected.currency, payment.currency);
}
