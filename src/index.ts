/**
 * `import 'paymentwall-pay'` registers `<paymentwall-pay>` and exports its class and types.
 * The class alone, without registering, is at `paymentwall-pay/element`.
 */
import './define.js';

export { PaymentwallPay, type PayResult } from './paymentwall-pay.js';
export { definePaymentwallPay, TAG_NAME } from './define.js';
export { isV2PayRequest } from './events/index.js';
export type {
  PayRequestDetail,
  PayRequestDetailV2,
  PayRequestEvent,
  PaySuccessDetail,
  PaySuccessDetailV1,
  PaySuccessDetailV2,
  PaySuccessEvent,
  PayFailCode,
  PayFailDetail,
  PayFailDetailV1,
  PayFailDetailV2,
  PayFailEvent,
} from './events/index.js';
export type { Buyer, BuyerField } from './buyer.js';
export type { ConfigProblem, ConfigRule } from './config.js';
export type { RequestPayParams, RequestPayResponse, PaymentwallBypass, Iamport } from './imp.js';
export type { V2PaymentRequest, V2PaymentResponse, V2Customer, PaymentwallV2Bypass, PortOneV2 } from './protocols/v2/types.js';
export type { V2ConfigProblem, V2ConfigRule } from './protocols/v2/config.js';
export type { Lang, Translation } from './translations/index.js';
