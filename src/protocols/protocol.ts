/**
 * The seam between the element and a PortOne version (issue 9). The element picks one protocol
 * (`store-id` set → V2, else V1) and runs the shared flow with it: reading the attributes, the
 * busy lock, `pay-request`, the SDK loader, the saved attempt, the events and the redirect return.
 * Everything that differs between V1 and V2 sits behind this interface, in src/protocols/v1.ts and
 * src/protocols/v2/protocol.ts.
 */
import type { SavedAttempt } from '../attempt-store.js';
import type { Buyer, OptionalField } from '../buyer.js';
import type { ConfigEnvironment, RawConfig } from '../config.js';
import type { PayFailCode, PayFailDetail, PaySuccessDetail } from '../events/index.js';
import type { SdkGlobal } from '../sdk-loader.js';
import type { Lang, Translation } from '../translations/index.js';

/** How an attempt ended, as the element reports it. */
export type Ended = { status: 'success'; detail: PaySuccessDetail } | { status: 'fail'; detail: PayFailDetail };

/** What the shared flow reads from any version's configuration. */
export interface CommonConfig {
  fields: OptionalField[];
  sdkSrc: string;
  sdkIntegrity?: string;
  sdkTimeout: number;
  redirectUrl?: string | undefined;
}

/** One configuration mistake, named by the attribute (or property) the page author wrote. */
export interface Problem {
  attribute: string;
  rule: string;
  max?: number;
  min?: number;
}

export type ProtocolConfigResult<C, P extends Problem = Problem> =
  | { ok: true; config: C; warnings: string[] }
  | { ok: false; problems: P[] };

/** PortOne's result found in the address after a redirect: the order id and PortOne's parameters only. */
export interface ReturnQuery {
  id: string;
  query: Record<string, string>;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the element holds either version; each protocol's values only go back to it. */
export interface Protocol<C extends CommonConfig = any, R extends object = any, A extends SavedAttempt = any, S = any> {
  /** The property that fixes the order id (`merchantUid` in V1, `paymentId` in V2). */
  readonly idProperty: 'merchantUid' | 'paymentId';
  /** Fields added to every event detail and to `pay-request` (V2: `{ protocol: 'v2' }`; V1: none). */
  readonly mark: Record<string, string>;
  /** The SDK's global and its ready check, for the shared loader. */
  readonly sdk: SdkGlobal<S>;
  readConfig(raw: RawConfig, env: ConfigEnvironment): ProtocolConfigResult<C>;
  /** A configuration problem as the page author reads it, in `lang`. */
  problemText(lang: Lang, problem: Problem): string;
  /** The amount on the button, from the raw `amount` and `currency`; '' when it cannot be shown. */
  price(amount: unknown, currency: string | undefined, lang: Lang): string;
  /** Billing-key mode: the button and note say the card is saved. */
  savesCard(config: C): boolean;
  /** The exact object for the SDK. */
  buildRequest(config: C, buyer: Buyer, lang: Lang, pageUrl: string): R;
  /** The order id of a request a `pay-request` listener left sendable; undefined when it did not. */
  requestId(request: unknown): string | undefined;
  /** The customer id of a sendable request (V1's card-saving `customer_uid`, V2's `customer.customerId`), as a listener left it. */
  customerId(request: object): unknown;
  /** What to save before calling the SDK, read from the request actually sent. */
  attempt(request: R, elementKey: string): A;
  /** When no attempt was saved (blocked storage): what the configuration says. */
  attemptFromConfig(id: string, config: C | undefined, buyer: Buyer): A;
  /**
   * Prepares the SDK and calls it once; resolves with how the attempt ended, or undefined when the
   * page is leaving for the redirect URL (the return reports it). Never rejects.
   */
  pay(sdk: S, config: C, request: R, attempt: A, t: Translation): Promise<Ended | undefined>;
  /** A failure of the element's own (`invalid-config`, `sdk-load-failed`, `aborted`, …). */
  failure(via: 'callback' | 'redirect' | 'local', code: PayFailCode, t: Translation, id?: string): PayFailDetail;
  /** PortOne's result in `href` (query, or the query after a `#route`), when it carries one. */
  readReturn(href: string): ReturnQuery | undefined;
  /** A return that matches no saved attempt, only the configured order id: is it PortOne's? */
  acceptsUnsaved(found: ReturnQuery, configuredId: string | undefined): boolean;
  returnOutcome(found: ReturnQuery, attempt: A, t: Translation): Ended;
  /** `href` without PortOne's result parameters. */
  withoutResult(href: string): string;
  /** The buyer closed PortOne's window: the status line says so rather than "failed". */
  closed(detail: PayFailDetail): boolean;
  /** PortOne's own words for a failure, shown under the translated message. */
  reason(detail: PayFailDetail): string | undefined;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
