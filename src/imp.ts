/**
 * Types for PortOne's V1 browser SDK, `window.IMP` (https://cdn.iamport.kr/v1/iamport.js).
 * Only what this element uses; field names are PortOne's own.
 */

/** The object passed to `IMP.request_pay`. */
export interface RequestPayParams {
  channelKey?: string;
  /** Deprecated by PortOne; sent only with `project-key` as `paymentwall.{projectKey}`. */
  pg?: string;
  pay_method?: string;
  merchant_uid: string;
  name: string;
  amount: number;
  currency: string;
  language?: string;
  buyer_name?: string;
  buyer_email?: string;
  buyer_tel?: string;
  buyer_addr?: string;
  buyer_postcode?: string;
  customer_uid?: string;
  m_redirect_url?: string;
  notice_url?: string;
  use_test_method?: boolean;
  custom_data?: Record<string, unknown>;
  bypass?: PaymentwallBypass;
  [key: string]: unknown;
}

/** Paymentwall-only keys PortOne forwards unchanged. */
export interface PaymentwallBypass {
  widget_code?: string;
  ps?: string;
  country_code?: string;
  logo_url?: string;
  [key: string]: unknown;
}

/** What PortOne hands the `request_pay` callback. Fields vary by SDK version and PG. */
export interface RequestPayResponse {
  success?: boolean;
  imp_success?: boolean;
  error_code?: string | null;
  error_msg?: string | null;
  /** The 1.3.0 SDK's failure code and message, where older ones send `error_code` / `error_msg`. */
  code?: string | null;
  message?: string | null;
  imp_uid?: string | null;
  merchant_uid?: string;
  paid_amount?: number;
  currency?: string;
  status?: string;
  customer_uid?: string;
  [key: string]: unknown;
}

export interface Iamport {
  init(impCode: string): void;
  agency?(impCode: string, tierCode: string): void;
  request_pay(params: RequestPayParams, callback?: (response: RequestPayResponse) => void): void;
}

declare global {
  interface Window {
    IMP?: Iamport;
  }
}
