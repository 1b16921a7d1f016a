import { PaymentVerificationError } from './errors.js';
import type { Payment } from './types.js';

export interface ExpectedPayment {
  amount: number;
  currency: string;
  merchantUid?: string | undefined;
}

/** Throws the first way `payment` differs from the order; status first, since an unpaid payment's amount proves nothing. */
export function assertPaymentMatches(payment: Payment, expected: ExpectedPayment): void {
  if (payment.status !== 'paid') throw new PaymentVerificationError('not-paid', 'paid', payment.status, payment);
  if (payment.amount !== expected.amount) {
    throw new PaymentVerificationError('amount-mismatch', expected.amount, payment.amount, payment);
  }
  if (payment.currency.toUpperCase() !== expected.currency.toUpperCase()) {
    throw new PaymentVerificationError('currency-mismatch', expected.currency, payment.currency, payment);
  }
  if (expected.merchantUid !== undefined && payment.merchantUid !== expected.merchantUid) {
    throw new PaymentVerificationError('merchant-uid-mismatch', expected.merchantUid, payment.merchantUid, payment);
  }
}
