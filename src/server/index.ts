// paymentwall-pay/server: Node 20+.
export { PortOneClient } from './client.js';
export {
  PaymentVerificationError,
  PortOneApiError,
  PortOneError,
  PortOneInputError,
  WebhookVerificationError,
  type PaymentVerificationReason,
  type PortOneApiErrorKind,
  type WebhookRefusalReason,
} from './errors.js';
export { PORTONE_WEBHOOK_ADDRESSES } from './webhook.js';
export type * from './types.js';
export { PortOneV2Client } from './v2/client.js';
export type * from './v2/types.js';
