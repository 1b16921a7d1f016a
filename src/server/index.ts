// paymentwall-pay/server: Node 20+, no runtime dependencies.
export { PortOneClient } from './client.js';
export {
  PaymentVerificationError,
  PortOneApiError,
  PortOneError,
  PortOneInputError,
  type PaymentVerificationReason,
  type PortOneApiErrorKind,
} from './errors.js';
export type * from './types.js';
