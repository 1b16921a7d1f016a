/**
 * Types for PortOne's V2 browser SDK, `window.PortOne` (https://cdn.portone.io/v2/browser-sdk.js),
 * and for what the element reports about a V2 payment. Only what this element uses; field names
 * are PortOne's own (`@portone/browser-sdk@0.1.11` `dist/v2/**`, reference portone-v2.md §1–2).
 */
import type { Buyer } from '../../buyer.js';
import type { PayFailCode } from '../../events/pay-fail.js';

/** The two Paymentwall locales the element's languages map to (`ko` → KO_KR, else EN_US). */
export type V2Locale = 'KO_KR' | 'EN_US';

/** `bypass.paymentwall`: the only Paymentwall keys V2 knows (reference §1 "Paymentwall bypass"). */
export interface PaymentwallV2Bypass {
  /** `pw_1` (Paymentwall's default) or `t3_1` (Terminal 3). */
  widget?: string;
  /** Paymentwall payment-system short code, lower case. */
  ps?: string;
  /** ISO 3166-1 alpha-2. */
  country_code?: string;
  /** Keys from the `bypass` property, passed on as given. */
  [key: string]: unknown;
}

/** `customer`: Paymentwall requires `customerId` and `email` (reference §5). */
export interface V2Customer {
  customerId: string;
  email: string;
  fullName?: string;
  phoneNumber?: string;
  /** PortOne's `Address` type requires both lines; the form has one, so line 2 is ''. */
  address?: { addressLine1: string; addressLine2: string };
  zipcode?: string;
}

/** The object passed to `PortOne.requestPayment`. No `payMethod`: Paymentwall V2 does not support it. */
export interface V2PaymentRequest {
  storeId: string;
  channelKey: string;
  paymentId: string;
  orderName: string;
  /** In the currency's minor units (USD 150 = $1.50; KRW 1004 = ₩1,004). */
  totalAmount: number;
  currency: string;
  customer: V2Customer;
  locale: V2Locale;
  /** Where a phone comes back: absent where this page has no http(s) address (a srcdoc preview). */
  redirectUrl?: string;
  noticeUrls?: string[];
  customData?: Record<string, unknown>;
  bypass?: { paymentwall: PaymentwallV2Bypass };
  [key: string]: unknown;
}

/** What `requestPayment` resolves with when the page stays (`PaymentResponse`). Failure = `code` present. */
export interface V2PaymentResponse {
  transactionType?: 'PAYMENT';
  txId?: string;
  paymentId?: string;
  paymentToken?: string;
  code?: string;
  message?: string;
  pgCode?: string;
  pgMessage?: string;
  [key: string]: unknown;
}

/** What `requestPayment` rejects with before the window opens (`PaymentError`, told apart by its marker). */
export interface V2PaymentError extends Error {
  __portOneErrorType: 'PaymentError';
  transactionType?: string;
  code: string;
  txId?: string;
  paymentId?: string;
  pgCode?: string;
  pgMessage?: string;
}

export interface PortOneV2 {
  requestPayment(request: V2PaymentRequest): Promise<V2PaymentResponse | undefined>;
}

declare global {
  interface Window {
    PortOne?: PortOneV2;
  }
}

/** What the element saves before calling the SDK, so a redirect return can still report it. */
export interface V2Attempt {
  paymentId: string;
  amount: number;
  currency: string;
  customerId: string;
  buyer: Buyer;
}

/**
 * `pay-success` for V2. Not proof of payment: the merchant's server verifies `paymentId` with
 * `GET /payments/{paymentId}`. `via: 'callback'` means the SDK's promise answered in the page.
 */
export interface V2PaySuccessDetail {
  via: 'callback' | 'redirect';
  paymentId: string;
  /** PortOne's id of this attempt; absent when a redirect return did not carry it. */
  txId?: string;
  /** Minor units, as sent. */
  amount: number;
  currency: string;
  customerId: string;
  buyer: Buyer;
  /** The resolved `PaymentResponse`, or PortOne's parameters of the redirect query. */
  response: V2PaymentResponse | Record<string, string>;
  /** A redirect return this widget saved no attempt for (storage was blocked), or one for an attempt the buyer came back from without a result: nothing confirms it came from PortOne; its text from the link is left out. */
  unconfirmed?: true;
}

/** `pay-fail` for V2. `pgCode` / `pgMessage` are the PG's, `portOneCode` / `portOneMessage` PortOne's. */
export interface V2PayFailDetail {
  via: 'callback' | 'redirect' | 'local';
  code: PayFailCode;
  /** Translated, fit to show a buyer. */
  message: string;
  paymentId?: string;
  txId?: string;
  /** PortOne's `code`: of the resolved response (`pg-error`) or of the `PaymentError` (`sdk-error`). */
  portOneCode?: string;
  portOneMessage?: string;
  pgCode?: string;
  pgMessage?: string;
  response?: V2PaymentResponse | Record<string, string>;
  /** The buyer closed PortOne's window or pressed its cancel button: a `pg-error` that is no one's fault (no alarm, no retry prompt). */
  closed?: true;
  /** A redirect return this widget saved no attempt for (storage was blocked), or one for an attempt the buyer came back from without a result: nothing confirms it came from PortOne; its text from the link is left out. */
  unconfirmed?: true;
}
