import { PaymentVerificationError } from './errors.js';
import type { Payment } from './types.js';

export interface ExpectedPayment {
  amount: number;
  currency: string;
  merchantUid: string;
}

/** The same three-letter code in any case, compared in ASCII: `toUpperCase` alone reads `uſd` as `USD`. */
export const sameCurrency = (got: string, want: string): boolean => /^[a-z]{3}$/i.test(got) && got.toUpperCase() === want.toUpperCase();

/**
 * Throws the first way `payment` differs from the order. Status first, since an unpaid payment's
 * amount proves nothing; then any refund, since a paid payment with money given back is not paid
 * in full whatever its `amount` says.
 */
export function assertPaymentMatches(payment: Payment, expected: ExpectedPayment, acceptTestPayments = false): void {
  const fail = (reason: ConstructorParameters<typeof PaymentVerificationError>[0], want: unknown, got: unknown): never => {
    throw new PaymentVerificationError(reason, want, got, payment, payment.impUid);
  };
  if (payment.status === 'cancelled') fail('cancelled', 0, payment.cancelAmount);
  if (payment.status !== 'paid') fail('not-paid', 'paid', payment.status);
  if (payment.cancelAmount !== 0) fail('cancelled', 0, payment.cancelAmount);
  if (payment.sandbox && !acceptTestPayments) fail('test-payment', false, true);
  if (payment.amount !== expected.amount) fail('amount-mismatch', expected.amount, payment.amount);
  if (!sameCurrency(payment.currency, expected.currency)) fail('currency-mismatch', expected.currency, payment.currency);
  if (payment.merchantUid !== expected.merchantUid) fail('merchant-uid-mismatch', expected.merchantUid, payment.merchantUid);
}
