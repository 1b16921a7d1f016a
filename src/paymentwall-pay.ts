import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { attemptRun, type AttemptRun } from './attempt-run.js';
import { AttemptStore, isWholeAttempt, type SavedAttempt } from './attempt-store.js';
import { checkBuyer, toBuyer, visibleFields, type Buyer, type BuyerError, type BuyerField, type BuyerInput, type OptionalField } from './buyer.js';
import { DEFAULT_SDK_SRC, TEXT_PROPERTIES, copyJson, digitsFromAttribute, isPlaceholder, optionalFields, textOf, toHttpUrl, type ConfigEnvironment, type RawConfig } from './config.js';
import { paymentEvent, type PayFailCode, type PayFailDetail, type PaySuccessDetail } from './events/index.js';
import { afterPageLoad, watchPage } from './page-watcher.js';
import type { CommonConfig, Problem, Protocol, ProtocolConfigResult } from './protocols/protocol.js';
import { v1 } from './protocols/v1.js';
import { v2 } from './protocols/v2/protocol.js';
import { loadSdk, pageBringsImp, pageNonce } from './sdk-loader.js';
import { allowSdkOrigin, pageBase } from './sdk-origin.js';
import { pageLoad, sharedState } from './shared-state.js';
import { styles } from './styles.js';
import { resolveLang, translations, type Lang, type Translation } from './translations/index.js';
import type { PayRequestDetail } from './events/index.js';
import { VERSION } from './version.js';
import { whenFirstVisible } from './visibility.js';
import { elementByKey, noteRoots, widgetKey } from './widget-key.js';
import { unclobbered } from './unclobbered.js';

/** What `pay()` resolves to. */
export type PayResult =
  | { status: 'success'; detail: PaySuccessDetail }
  | { status: 'fail'; detail: PayFailDetail }
  | { status: 'invalid' }
  | { status: 'cancelled' };

/** What the status line says: a failure's own text, or one of these. */
type StatusText = PayFailCode | 'success' | 'paidBeforeChange' | 'buyerClosed';
/** The line under the button, translated as it renders: a language change reaches it too. */
type StatusLine = { kind: 'success' | 'fail' | 'closed'; text: StatusText; pgMessage?: string };
/** What a widget at a place showed, for its order at that address (see `returnsShown`). */
type Shown = { href: string; order: string; completed: boolean; status?: StatusLine };
/** The line of a paid widget. */
const PAID: StatusLine = { kind: 'success', text: 'success' };

type Outcome = PayResult;

/** Widgets connected so far on this page, counting each connection: tells the order they came in. */
let connections = 0;

/**
 * Another attempt's payment window is opening or open on this page: one at a time. For a minute
 * at most, so a window PortOne closed without an answer (reference, pitfalls) does not block the page.
 */
const windowOpen = (held = sharedState().paying) => !!held && !held.run.abandoned && performance.now() - held.at < 60_000;
const WINDOW_OPEN = 'a payment window of another widget is opening or open on this page; nothing was sent.';

const navigation = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
/** This page load is a reload, or Back or Forward without the back/forward cache. */
const loadedAgain = () => /^(reload|back_forward)$/.test(navigation()?.type ?? '');

/** Changing any of these is a new order (another buyer's too): a widget that has been paid takes payments again. */
const ORDER_PROPERTIES = ['amount', 'currency', 'orderName', 'merchantUid', 'paymentId', 'storeId', 'customerUid', 'customerId'] as const;

/** What a field's template binds: its texts and its error (the value is set in `updated()`). */
interface FieldView {
  label: string;
  /** The hint under the name label, or "(optional)" beside an optional one. */
  note: string;
  error: string;
}

/**
 * The optional fields' markup with their fixed attributes written out, so a render binds only the
 * texts and the error; `updated()` sets the values. Name and e-mail, always shown, are written into the form's
 * own template: one template to clone per widget, not one per field (the most of a first render).
 * Input and blur are heard once, around the form.
 */
const OPTIONAL_TEMPLATES: Record<OptionalField, (view: FieldView) => TemplateResult> = {
  tel: (v) =>
    html`<div part="field" class="field"><label part="label" for="pw-tel">${v.label} <span class="optional">${v.note}</span></label><input part="input" id="pw-tel" name="tel" type="tel" autocomplete="tel" aria-invalid=${v.error !== ''} aria-describedby="pw-tel-error" /><div part="error" class="error" id="pw-tel-error">${v.error}</div></div>`,
  addr: (v) =>
    html`<div part="field" class="field"><label part="label" for="pw-addr">${v.label} <span class="optional">${v.note}</span></label><input part="input" id="pw-addr" name="addr" type="text" autocomplete="street-address" dir="auto" lang="" aria-invalid=${v.error !== ''} aria-describedby="pw-addr-error" /><div part="error" class="error" id="pw-addr-error">${v.error}</div></div>`,
  postcode: (v) =>
    html`<div part="field" class="field"><label part="label" for="pw-postcode">${v.label} <span class="optional">${v.note}</span></label><input part="input" id="pw-postcode" name="postcode" type="text" autocomplete="postal-code" aria-invalid=${v.error !== ''} aria-describedby="pw-postcode-error" /><div part="error" class="error" id="pw-postcode-error">${v.error}</div></div>`,
};

const digits = { fromAttribute: digitsFromAttribute };
/** A check mark before the success message; the text says it all, so screen readers skip it. */
const CHECK_ICON = html`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false"
  ><circle cx="10" cy="10" r="9" /><path d="M5.5 10.5l3 3 6-6.5"
/></svg>`;
/** The last address the widgets read, and the order ids it carries a PortOne result for, V1's or V2's (none on most pages). */
let addressRead: string | undefined;
let carried: unknown[] = [];
// How long other widgets wait for the one that started a redirected payment to report it.
const OWNER_HEAD_START_MS = 150;

/**
 * A buyer form that takes a Paymentwall payment through PortOne's browser SDK: V1 (`IMP.request_pay`),
 * or V2 (`PortOne.requestPayment`) when `store-id` is set.
 *
 * @tagname paymentwall-pay
 * @summary Paymentwall payments through PortOne, from one tag.
 *
 * @slot - A product summary shown above the form.
 *
 * @attr nonce - CSP nonce, set as the real nonce of the injected SDK script (read through the native `nonce` property).
 *
 * @event {PayRequestEvent} pay-request - Cancelable. `detail: { request, waitUntil(promise) }` (V2: `{ protocol: 'v2', request, waitUntil }`, see `isV2PayRequest`), before the SDK is called.
 * @event {PaySuccessEvent} pay-success - `detail: PaySuccessDetail`. PortOne reported no error; verify `impUid` (V2: `paymentId`) on your server. V2 details carry `protocol: 'v2'`.
 * @event {PayFailEvent} pay-fail - `detail: PayFailDetail`, with `code` one of invalid-config, sdk-load-failed, sdk-error, pg-error, aborted. V2 details carry `protocol: 'v2'`.
 *
 * @csspart form - The form.
 * @csspart field - One label, input and error.
 * @csspart label - A field's label.
 * @csspart hint - The hint under the name label.
 * @csspart input - A field's input.
 * @csspart error - A field's error message.
 * @csspart button - The pay button.
 * @csspart status - The message after a payment ends; `data-kind` is `success`, `fail` or `closed` (the buyer closed the window).
 * @csspart config-error - The box listing configuration mistakes.
 *
 * @cssprop --paymentwall-pay-accent - Button and focus color. Default #1d4ed8 (the focus ring #8ab4ff on pages that declare a dark color-scheme).
 * @cssprop --paymentwall-pay-accent-text - Button text color. Default #ffffff.
 * @cssprop --paymentwall-pay-radius - Corner radius. Default 8px.
 * @cssprop --paymentwall-pay-font - Font family. Default: the page's.
 * @cssprop --paymentwall-pay-gap - Space between fields. Default 0.875em.
 * @cssprop --paymentwall-pay-error - Error color. Default #b3261e (dark pages: #ffb4ab).
 * @cssprop --paymentwall-pay-success - Success color. Default #146c2e (dark pages: #6dd58c).
 * @cssprop --paymentwall-pay-border - Input border color. Default: the text color at 60%.
 * @cssprop --paymentwall-pay-field-background - Input background. Default transparent.
 * @cssprop --paymentwall-pay-max-width - Widest the widget grows. Default 28em.
 */
export class PaymentwallPay extends LitElement {
  static readonly version = VERSION;
  static override styles = styles;
  /** Each property's attribute and options; the fields below carry the types and documentation. */
  static override properties = {
    storeId: { attribute: 'store-id', reflect: true },
    customerId: { attribute: 'customer-id', reflect: true },
    paymentId: { attribute: 'payment-id', reflect: true },
    impCode: { attribute: 'imp-code', reflect: true },
    tierCode: { attribute: 'tier-code', reflect: true },
    channelKey: { attribute: 'channel-key', reflect: true },
    projectKey: { attribute: 'project-key', reflect: true },
    amount: { converter: digits },
    currency: { reflect: true },
    orderName: { attribute: 'order-name', reflect: true },
    merchantUid: { attribute: 'merchant-uid', reflect: true },
    payMethod: { attribute: 'pay-method', reflect: true },
    countryCode: { attribute: 'country-code', reflect: true },
    widgetCode: { attribute: 'widget-code', reflect: true },
    ps: { reflect: true },
    // Vue and Svelte write test-mode="false" for a bound false: that is off, not a present attribute.
    testMode: { attribute: 'test-mode', type: Boolean, reflect: true, converter: { fromAttribute: (value: string | null) => value !== null && value !== 'false' } },
    customerUid: { attribute: 'customer-uid', reflect: true },
    redirectUrl: { attribute: 'redirect-url', reflect: true },
    noticeUrl: { attribute: 'notice-url', reflect: true },
    logoUrl: { attribute: 'logo-url', reflect: true },
    buyerName: { attribute: 'buyer-name', reflect: true },
    buyerEmail: { attribute: 'buyer-email', reflect: true },
    buyerTel: { attribute: 'buyer-tel', reflect: true },
    buyerAddr: { attribute: 'buyer-addr', reflect: true },
    buyerPostcode: { attribute: 'buyer-postcode', reflect: true },
    fields: { reflect: true },
    lang: { reflect: true },
    sdkSrc: { attribute: 'sdk-src', reflect: true },
    sdkIntegrity: { attribute: 'sdk-integrity', reflect: true },
    sdkTimeout: { attribute: 'sdk-timeout', converter: digits },
    disabled: { type: Boolean, reflect: true },
    customData: { attribute: false },
    bypass: { attribute: false },
    // The widget's own state (`attribute: false` is Lit's default for state; the manifest needs it said).
    typed: { state: true, attribute: false },
    revealed: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    completed: { state: true, attribute: false },
    status: { state: true, attribute: false },
  };

  /**
   * PortOne V2 store ID (`store-…`, console [연동 정보]). Set, the widget speaks PortOne V2
   * (`PortOne.requestPayment`); V1-only attributes are then refused or ignored with a warning.
   */
  declare storeId?: string;
  /** V2: the buyer's id in your shop, sent as `customer.customerId`; required with `store-id` (Paymentwall requires it). */
  declare customerId?: string;
  /**
   * V2: fixed `paymentId` (letters, digits and `-`, at most 40 characters); otherwise each attempt
   * gets a fresh one. V2's counterpart of `merchant-uid`.
   */
  declare paymentId?: string;
  /** PortOne merchant identification code, `imp` + digits; `IMP.init(impCode)`. V1 only (ignored with a warning with `store-id`). */
  declare impCode?: string;
  /** Sub-merchant tier code; `IMP.agency(impCode, tierCode)`. V1 only (refused with `store-id`). */
  declare tierCode?: string;
  /** PortOne channel key; sent as `channelKey`. Required in V2. */
  declare channelKey?: string;
  /** Legacy: Paymentwall project key; sent as `pg: "paymentwall.{projectKey}"`. V1 only (ignored with a warning with `store-id`). */
  declare projectKey?: string;
  /**
   * Positive whole amount; the attribute takes plain digits only. V1: in the currency's unit
   * (`20` USD is $20). V2 (`store-id`): in its minor units, as PortOne V2 counts (`150` USD is $1.50).
   */
  declare amount?: number;
  /** ISO 4217 code, any case. */
  declare currency?: string;
  /** Order name, at most 40 characters; sent as `name`. */
  declare orderName?: string;
  /** Fixed order id, at most 40 characters; otherwise each attempt gets a fresh one. V1 only (V2: `payment-id`). */
  declare merchantUid?: string;
  /** `pay_method`; omitted when unset. V1 only (refused with `store-id`: Paymentwall V2 has no payMethod; use `ps`). */
  declare payMethod?: string;
  /** ISO 3166-1 alpha-2; `bypass.country_code`. */
  declare countryCode?: string;
  /** `bypass.widget_code` (V2: `bypass.paymentwall.widget`, `pw_1` or `t3_1` only): `t3_1` for Terminal 3; Paymentwall's default is `pw_1`. */
  declare widgetCode?: string;
  /** `bypass.ps`: Paymentwall payment-system short code (`all`, `test`, …). */
  declare ps?: string;
  /** Sends `use_test_method: true`. A project that is not LIVE also needs `ps="test"`. V1 only (refused with `store-id`: V2 tests through a test channel's `channel-key`). */
  testMode = false;
  /** Billing-key id, at most 80 characters: the first payment also saves the card. V1 only (refused with `store-id`). */
  declare customerUid?: string;
  /** `m_redirect_url` (V2: `redirectUrl`); defaults to this page without PortOne's result parameters. */
  declare redirectUrl?: string;
  /** `notice_url`: a webhook for this payment. V2: `noticeUrls`, one or more URLs separated by spaces. */
  declare noticeUrl?: string;
  /** `bypass.logo_url`. V1 only (ignored with a warning with `store-id`). */
  declare logoUrl?: string;
  /** Prefills the name field. */
  declare buyerName?: string;
  /** Prefills the e-mail field. */
  declare buyerEmail?: string;
  /** Prefills the phone field. */
  declare buyerTel?: string;
  /** Prefills the address field. */
  declare buyerAddr?: string;
  /** Prefills the postcode field. */
  declare buyerPostcode?: string;
  /** Optional fields to show, from `tel addr postcode`; default `tel`; empty shows none. */
  declare fields?: string;
  /** `ko` or `en`; default: the nearest ancestor's `lang`, then the browser's language. */
  declare lang: string;
  /** The SDK script URL. */
  declare sdkSrc?: string;
  /** Subresource Integrity hash for the SDK script. */
  declare sdkIntegrity?: string;
  /** Milliseconds to wait for the SDK. Default 15000. */
  declare sdkTimeout?: number;
  /** No payment can start. */
  disabled = false;
  /** Sent as `custom_data`. */
  declare customData?: Record<string, unknown>;
  /** Extra Paymentwall `bypass` keys; the element's own keys win. */
  declare bypass?: Record<string, unknown>;

  /** What the buyer typed; a field absent here shows its prefill. */
  private typed: BuyerInput = {};
  /** Fields whose errors are visible: left once, or everything after a submit. */
  private revealed: ReadonlySet<BuyerField> = new Set();
  private busy = false;
  declare private status?: StatusLine;
  /** Paid: the widget shows its success and starts nothing more until the order changes or `reset()`. */
  private completed = false;

  #config: ProtocolConfigResult<CommonConfig> = { ok: false, problems: [] };
  /** The buyer's entries checked against the rules, once per update. */
  #errors: Partial<Record<BuyerField, BuyerError>> = {};
  #loggedConfig = '';
  #inFlight?: Promise<PayResult>;
  /** The order id of a return this widget gives the widget that started it time to claim. */
  #awaiting?: string;
  /** The return this page's address carries, while it is being reported (see `#finishRedirect`). */
  #returning?: Promise<void>;
  /** The attempt in flight, which `#pageRestored` may give up. */
  #run?: AttemptRun;
  #attempts?: AttemptStore<SavedAttempt>;
  #warmed = false;
  /** Has been on screen: once configured, it starts loading the SDK. */
  #seen = false;
  #stopWatching?: () => void;
  #stopWatchingPage?: () => void;
  /** The page changed under the widget (language, loading, allowed origins): read the configuration again. */
  #configStale = true;
  /** The language of this render, resolved once per update (the ancestors' `lang` is a walk up the tree). */
  #shownLang: Lang = 'en';
  /** The custom validity message each input was last given. */
  #validity = new WeakMap<HTMLInputElement, string>();
  /** When it last connected, counted in `connections`. */
  #connected = 0;
  /**
   * What the buyer typed before a reload or Back without the back/forward cache took the page
   * (see firstUpdated): shown only where they type nothing and the page prefills nothing, also a
   * prefill bound later (another account may have signed in since).
   */
  #left?: BuyerInput;
  /** Properties set since the first render: a lower-case attribute left beside one is not a lost binding. */
  #assigned = new Set<PropertyKey>();

  // ——— lifecycle ———

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connected = ++connections;
    if (isServer) return;
    noteRoots(this);
    this.#stopWatchingPage?.();
    this.#stopWatchingPage = watchPage({ refresh: () => this.#refresh(), restored: () => this.#pageRestored() }, this);
    if (!this.#warmed) this.#watchForFirstUse();
    // Back on a page that may have changed while it was away (allowed origins, lang, loading), and
    // that may carry a return it was not there to read (a tab panel, a keep-alive container).
    if (this.hasUpdated) {
      this.#refresh();
      this.#finishRedirect();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // With a payment in flight it still hears the page come back from the back/forward cache (a
    // framework moved or re-created it while the buyer was at PortOne): the attempt ends then.
    if (!this.#run) this.#stopWatchingPage?.();
    this.#stopWatching?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated) for (const name of changed.keys()) this.#assigned.add(name);
    // store-id bound a moment after the first render (a framework, settings loaded later): the
    // widget speaks V2 only now, and only now can it read a V2 return.
    if (this.hasUpdated && changed.has('storeId')) this.#finishRedirect();
    // Another order, not the same one set again (1004 as a number after "1004" as text).
    const orderChanged = this.#order((name) => (changed.has(name) ? changed.get(name) : this[name])) !== this.#order();
    if (this.completed && orderChanged) this.#clearOutcome();
    // A sound configuration is read again only when an attribute or the page changed, not as the
    // buyer types. A broken one is read on every update: the page may bring window.IMP or an
    // SDK tag at any time. So is any on a bare requestUpdate().
    // The widget's own state (`state: true` below) leaves the configuration as it was read.
    const attributeChanged = [...changed.keys()].some((name) => !PaymentwallPay.elementProperties.get(name)?.state);
    if (this.#configStale || !this.#config.ok || changed.size === 0 || attributeChanged) {
      this.#configStale = false;
      this.#config = this.#readConfig();
      this.#logConfig(this.#config);
    }
    // The order a framework set a moment after the first render (store-id, an amount, from settings
    // loaded later): what another widget's report kept for this one, for that order.
    if (this.hasUpdated && orderChanged && !this.#inFlight) this.#takeShown();
    // The line that said the form is not set up correctly goes once it is.
    if (this.#config.ok && this.status?.text === 'invalid-config') this.status = undefined;
    this.#shownLang = this.#lang;
    this.#errors = checkBuyer(this.#input(), this.#fields());
  }

  protected override firstUpdated(): void {
    this.#finishRedirect();
    this.#takeShown();
    // A reload, or Back without the back/forward cache, while the buyer was at PortOne from this
    // widget's place, for this order: their typing, from the attempt that kept it, at the address
    // the page loaded at (a single-page app's later routes are no reload). Under everything else
    // (see #value). Its key is a walk of the page: made only when some attempt is kept.
    if (loadedAgain() && navigation()!.name === location.href) {
      const left = this.#store.newest((attempt) => attempt.load !== pageLoad() && attempt.order === this.#order() && attempt.elementKey === widgetKey(this));
      if (left) {
        this.#left = left.buyer;
        this.requestUpdate();
      }
    }
  }

  /**
   * A widget re-created where one reported a return (a framework re-mounting it), for the same
   * order and still at that address (another route may sell the same thing again): it shows what
   * that one showed, paid state and the buyer's typing included, so a paid order is not offered
   * again. Read only when there is something to read.
   */
  #takeShown(): void {
    const kept = sharedState().returnsShown;
    // By a key that names this widget, as this version or an earlier one wrote it.
    const shown = kept && [...kept].find(([key]) => elementByKey(key) === this)?.[1];
    if (shown?.href === location.href && shown.order === this.#order()) {
      this.completed = shown.completed;
      this.status = shown.status as StatusLine | undefined;
      if (shown.buyer) this.#restoreTyped(shown.buyer as Buyer);
    }
  }

  protected override updated(): void {
    if (this.#seen && !this.#warmed) this.#warm();
    for (const input of this.renderRoot.querySelectorAll('input')) {
      const field = input.name as BuyerField;
      // The field shows what would be sent: its prefill, or what the buyer typed, also after a
      // script set the value without an input event. Set only where it differs, so the caret stays.
      const value = this.#value(field);
      if (input.value !== value) input.value = value;
      // Keep native constraint validation in step, so :invalid and validationMessage agree with us.
      // Only where the message changed: setting it costs a validity update per input.
      const error = this.#errors[field];
      const message = error ? translations[this.#shownLang].buyerError[error] : '';
      if (this.#validity.get(input) !== message) {
        input.setCustomValidity(message);
        this.#validity.set(input, message);
      }
    }
  }

  // ——— render ———

  protected override render(): TemplateResult {
    const t = translations[this.#shownLang];
    const shown = this.#fields();
    const config = this.#config;
    const view = (field: BuyerField): FieldView => {
      const error = this.#errors[field];
      return {
        label: t.label[field],
        note: field === 'name' ? t.nameHint : t.optional,
        error: this.revealed.has(field) && error ? t.buyerError[error] : '',
      };
    };
    const optional = (field: OptionalField) => (shown.includes(field) ? OPTIONAL_TEMPLATES[field](view(field)) : nothing);
    const name = view('name');
    const email = view('email');
    // No white space between the tags (line breaks sit inside them): every text node is cloned and walked, per widget.
    // Both of its languages are written left to right: on a right-to-left page (Arabic, Hebrew) the
    // box around the form and the configuration box says so, or a sentence's full stop lands
    // before it. The slot keeps the page's direction. A name or an address is in the buyer's
    // language and script, not the form's: those two inputs take their direction from what is
    // typed and claim no language.
    // No script touches the <form> once it is made: Lit binds nothing to it and puts nothing
    // directly in it (its language and listeners sit on a box around it, the optional fields in a
    // box of their own). In Chromium, the first property a script reads from a form, even a method
    // to call, makes every later template clone on the page slower: a page of many widgets
    // rendered in time that grew with the square of their number. Both boxes are display:
    // contents, so the form stays the host's own flex or grid item for ::part(form) themes.
    return html`<slot></slot
      ><div class="box" lang=${t.lang} dir="ltr" @submit=${this.#onPay} @input=${this.#onInput} @blur=${this.#onBlur}
      >${config.ok ? nothing : this.#renderConfigProblems(config.problems, t)}<form part="form" novalidate
        ><div part="field" class="field"
          ><label part="label" for="pw-name">${name.label}</label
          ><span part="hint" class="hint" id="pw-name-hint">${name.note}</span
          ><input
            part="input"
            id="pw-name"
            name="name"
            type="text"
            autocomplete="name"
            dir="auto"
            lang=""
            required
            aria-invalid=${name.error !== ''}
            aria-describedby="pw-name-hint pw-name-error"
          /><div part="error" class="error" id="pw-name-error">${name.error}</div></div
        ><div part="field" class="field"
          ><label part="label" for="pw-email">${email.label}</label
          ><input
            part="input"
            id="pw-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            aria-invalid=${email.error !== ''}
            aria-describedby="pw-email-error"
          /><div part="error" class="error" id="pw-email-error">${email.error}</div></div
        ><div class="more">${optional('tel')}${optional('addr')}${optional('postcode')}${config.ok && this.#protocol.savesCard(config.config)
          ? html`<p class="note">${t.savedCardNote}</p>`
          : nothing}</div><button
          part="button"
          type="submit"
          @click=${this.#onPay}
          ?disabled=${this.disabled || this.busy || this.completed || !config.ok}
          aria-busy=${this.busy ? 'true' : nothing}
        >${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${t.busy}` : this.completed ? t.paid : this.#payLabel(t)}</button
        ><div part="status" class="status" role="alert" tabindex="-1" data-kind=${this.status?.kind ?? nothing}>${
          this.status
            ? html`${this.status.kind === 'success' ? CHECK_ICON : nothing}<span class="message">${this.status.text in t.failure ? t.failure[this.status.text as PayFailCode] : t[this.status.text as Exclude<StatusText, PayFailCode>]}</span>${
                this.status.pgMessage ? html` <span class="pg-detail">${t.pgDetail(this.status.pgMessage)}</span>` : nothing
              }`
            : nothing
        }</div></form
      ></div>`;
  }

  #renderConfigProblems(problems: Problem[], t: Translation): TemplateResult {
    return html`<div part="config-error" class="config-error" role="alert"
      ><p>${t.configTitle}</p
      ><ul>${problems.map((problem) => html`<li>${this.#protocol.problemText(t.lang, problem)}</li>`)}</ul></div
    >`;
  }

  #payLabel(t: Translation): string {
    const protocol = this.#protocol;
    const shown = protocol.price(this.amount, textOf(this.currency), t.lang);
    const label = this.#config.ok && protocol.savesCard(this.#config.config) ? t.payAndSaveCard(shown) : t.pay(shown);
    return label.replace(/\s+/g, ' ').trim();
  }

  // ——— public methods ———

  /**
   * Lets widgets load the SDK from `origin`: the page's own (http or https), or another https
   * origin, for a stand-in or a self-hosted copy. A URL with a path allows that one script only;
   * an origin, every script on it. Only from JavaScript: an attribute alone never
   * chooses where scripts come from, so `sdk-src` is refused for any origin but
   * PortOne's CDN (`https://cdn.iamport.kr` for V1, `https://cdn.portone.io` for V2) until the page allows it here. Widgets already on the page check again.
   * Also at `customElements.get('paymentwall-pay').allowSdkOrigin`.
   */
  static allowSdkOrigin(origin: string): void {
    allowSdkOrigin(origin);
  }

  /**
   * Runs the payment as the button does. While one is in flight, joins it instead of starting
   * another. Resolves after `pay-success` / `pay-fail` has been dispatched; never rejects. After a
   * success it resolves `cancelled` and calls nothing until the order changes or `reset()`.
   */
  pay(): Promise<PayResult> {
    if (this.#inFlight) return this.#inFlight;
    if (this.disabled || this.completed) return Promise.resolve({ status: 'cancelled' });
    const checked = this.#readConfig();
    this.#warm(checked);
    if (!checked.ok) {
      const detail = this.#failure('local', 'invalid-config');
      detail.problems = checked.problems as PayFailDetail['problems'];
      return Promise.resolve(this.#report({ status: 'fail', detail }));
    }
    if (!this.#revealBuyerErrors()) return Promise.resolve({ status: 'invalid' });
    this.busy = true;
    this.status = undefined;
    // The busy button gives up focus; the buyer gets it back on the button when the attempt ends.
    const hadFocus = this.matches(':focus-within');
    const run = (this.#run = attemptRun());
    // The order being paid: a success enters the paid state only while the widget (or the one in
    // its place) still shows this order.
    const order = (run.order = this.#order());
    // Started a microtask later, so a pay() from a pay-request listener joins this attempt.
    const outcome = Promise.resolve()
      .then(() => this.#attempt(this.#protocol, checked.config, run))
      .catch((error: unknown) => {
        console.error('paymentwall-pay: the payment attempt failed unexpectedly:', error);
        return { status: 'fail', detail: this.#failure('local', 'sdk-error') } satisfies Outcome;
      });
    // An answer PortOne still gives after the attempt was given up is reported then, once.
    void outcome.then((late) => run.abandoned && this.#report(late, true, order, run));
    const attempt = Promise.race([outcome, run.whenAbandoned]).then((ended) => {
      // Settle before telling anyone, so a pay-fail listener that retries starts a new attempt.
      this.#inFlight = undefined;
      this.#run = undefined;
      if (!this.isConnected) this.#stopWatchingPage?.();
      this.busy = false;
      if (hadFocus) void this.updateComplete.then(() => this.#refocus());
      return this.#report(ended, true, order, run);
    });
    this.#inFlight = attempt;
    return attempt;
  }

  /**
   * Back to the start after a payment ended: clears the status line and, after a success, lets the
   * widget take a new payment. What the buyer typed stays. An attempt in flight is not touched.
   */
  reset(): void {
    if (this.#inFlight) return;
    this.#clearOutcome();
  }

  /** True when the configuration is sound and the buyer's entries pass every rule. Shows nothing. */
  checkValidity(): boolean {
    return this.#readConfig().ok && Object.keys(checkBuyer(this.#input(), this.#fields())).length === 0;
  }

  /** As `checkValidity()`, and shows every error and focuses the first bad field. */
  reportValidity(): boolean {
    return this.#revealBuyerErrors() && this.#readConfig().ok;
  }

  #clearOutcome(): void {
    this.#forgetShown();
    this.completed = false;
    this.status = undefined;
  }

  /** Shows every field's error and focuses the first bad field; true when there is none. */
  #revealBuyerErrors(): boolean {
    const fields = this.#fields();
    const errors = checkBuyer(this.#input(), fields);
    this.revealed = new Set(fields);
    const firstBad = fields.find((field) => errors[field] !== undefined);
    if (firstBad) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#pw-${firstBad}`)?.focus());
    }
    return firstBad === undefined;
  }

  #refocus(): void {
    const active = unclobbered(document, 'activeElement');
    if (active && active !== unclobbered(document, 'body') && active !== this) return;
    const root = this.renderRoot;
    const pay = root.querySelector<HTMLButtonElement>('button[part="button"]');
    // Focus elsewhere in the widget stays; on the button it may stay too, as WebKit keeps it there disabled.
    if (this.matches(':focus-within') && this.shadowRoot?.activeElement !== pay) return;
    // A paid widget's button stays disabled, and a disabled button takes no focus: the line that
    // says it is paid does, so a keyboard or screen reader user is not left at the top of the page.
    (pay?.disabled ? root.querySelector<HTMLElement>('[part="status"]') : pay)?.focus();
  }

  /**
   * Back from the back/forward cache: the buyer left for PortOne's payment page and pressed Back.
   * The attempt in flight ends quietly (`pay()` resolves `cancelled`, no event): its saved record
   * stays, so a later redirect return still reports the real result, once. When the return page
   * already reported it, this page shows that result: after a success, the paid state (no second charge).
   */
  #pageRestored(): void {
    const run = this.#run;
    run?.abandon();
    const ended = run?.id && this.#store.reported(run.id);
    if (!ended) {
      // Back from PortOne's page without a result, for an order id the page or a pay-request
      // listener chose: a return for it later may be a link crafted by someone who knows the id.
      // (A random one cannot be guessed, and the buyer may still go Forward and pay: that return
      // stays confirmed.)
      if (run?.guessable) this.#store.abandon(run.id!);
      return;
    }
    // Shown where the buyer sees it: at the widget in this one's place, if a framework replaced it,
    // with the buyer's typing. A success for an order the page changed meanwhile is not this one's
    // (as in place); it is kept at the place it was paid from, for that order, for any widget there.
    const at = this.#heir(run, run!.order) ?? this;
    at.#restoreTyped(this.typed);
    const paid = ended === 'success';
    if (paid && at.#order() !== run!.order) at.status = { kind: 'success', text: 'paidBeforeChange' };
    else at.#showEnded(ended);
    if (paid) this.#keepShown(this.typed, run!.key, { href: location.href, order: run!.order!, completed: true, status: PAID });
  }

  /** Shows how a payment this tab already reported ended (`success`, `closed`, else a failure), with no event. */
  #showEnded(ended: string): void {
    this.completed = ended === 'success';
    this.status = this.completed ? PAID : ended === 'closed' ? { kind: 'closed', text: 'buyerClosed' } : { kind: 'fail', text: 'pg-error' };
  }

  // ——— the payment flow ———

  async #attempt(protocol: Protocol, config: CommonConfig, run: AttemptRun): Promise<Outcome> {
    // A pay() on the page PortOne sent the buyer back to (on mount, or a tap while it loads): the
    // return first, and nothing more once it says paid.
    await this.#returning;
    if (this.completed) return { status: 'cancelled' };
    // The buyer may have typed on while it was read: checked again, as at the tap.
    if (!this.#revealBuyerErrors()) return { status: 'invalid' };
    const buyer = toBuyer(this.#input(), visibleFields(config.fields));
    const request: object = protocol.buildRequest(config, buyer, this.#lang, location.href);
    // The order id drawn at random, unless the page fixed one; a listener may still set its own.
    const drawn = this.#fixedId ? undefined : protocol.requestId(request);
    const t = this.#t;
    const aborted = (why: string, reason?: unknown): Outcome => {
      console.warn(`paymentwall-pay: ${why}`, ...(reason === undefined ? [] : [reason]));
      return { status: 'fail', detail: protocol.failure('local', 'aborted', t, protocol.requestId(request)) };
    };
    // Before the pay-request listeners too: they may make an order on the page's server.
    if (windowOpen()) return aborted(WINDOW_OPEN);

    const waits: PromiseLike<unknown>[] = [];
    let accepting = true;
    const event = paymentEvent(
      'pay-request',
      {
        ...protocol.mark,
        request,
        waitUntil(promise) {
          if (!accepting) throw new DOMException('waitUntil() was called too late', 'InvalidStateError');
          waits.push(promise);
        },
      } as PayRequestDetail,
      true,
    );
    // A listener that throws may leave the request half changed (its order id not set yet), so
    // nothing is sent, as when a waitUntil promise rejects. The browser reports the exception at
    // the window during the dispatch; the page's console and error handlers still get it.
    let threw = false;
    let dispatched: boolean;
    const heard = () => (threw = true);
    addEventListener('error', heard);
    try {
      dispatched = this.dispatchEvent(event);
    } finally {
      removeEventListener('error', heard);
    }
    if (!dispatched) return { status: 'cancelled' };
    if (threw) return aborted('a pay-request listener threw; nothing was sent.');
    try {
      // Promises added while we wait are awaited too, as with ExtendableEvent.
      for (let seen = 0; seen < waits.length; ) {
        const batch = waits.slice(seen);
        seen = waits.length;
        await Promise.all(batch);
      }
    } catch (reason) {
      return aborted('a pay-request listener aborted the payment:', reason);
    } finally {
      accepting = false;
    }
    // Copied after the waits (a listener may have replaced the object itself, also while waiting):
    // what is checked is what is saved and sent, whatever a listener changes later.
    let sent: unknown;
    try {
      sent = copyJson(event.detail.request);
    } catch (reason) {
      // Gone (undefined), or what JSON cannot hold: a cycle, a BigInt.
      return aborted('a pay-request listener left detail.request that JSON cannot hold; nothing was sent.', reason);
    }
    const id = protocol.requestId(sent);
    // Its order or customer id, as a listener may have set them (`cust_${user.id}`), no template's
    // leftover; and what a phone's return is matched with: an amount (a whole number above 0) and currency.
    let attempt!: SavedAttempt;
    if (id === undefined || !isWholeAttempt((attempt = protocol.attempt(sent, '')), id) || [id, protocol.customerId(sent as object)].some((text) => typeof text === 'string' && isPlaceholder(text))) {
      return aborted('a pay-request listener left detail.request without its order id, with a placeholder for an id, an amount that is not a whole number above 0, or no currency; nothing was sent.');
    }

    let sdk: unknown;
    try {
      sdk = await loadSdk({ ...this.#sdkOptions(config), sdk: protocol.sdk });
    } catch (error) {
      console.error(error);
      return { status: 'fail', detail: protocol.failure('local', 'sdk-load-failed', t, id) };
    }
    // Gone while the SDK or a listener was pending (a closed modal, another route): no payment
    // window may open over the next screen. A widget moved within one task is connected again.
    if (run.abandoned) return { status: 'cancelled' };
    if (!this.isConnected) return aborted('the widget left the page before the payment window opened; nothing was sent.');
    // Again: of two calls in a row (taps on two widgets while the SDK loaded), PortOne's V1 SDK
    // keeps only the last, as its code reads, and the first is never answered.
    if (windowOpen()) return aborted(WINDOW_OPEN);
    const shared = sharedState();
    const mine = (shared.paying = { run, at: performance.now() });
    let ended: Outcome | undefined;
    let leaving = false;
    try {
      attempt.elementKey = run.key = widgetKey(this);
      run.sent = connections;
      attempt.load = pageLoad();
      // The order the request was built from, as the callback's report uses: the page may have changed it since the tap.
      attempt.order = run.order;
      if (protocol.readReturn(location.href)?.id === id) attempt.echo = location.href;
      // Saved first: on mobile, the SDK navigates away and only this record comes back.
      // A sandboxed frame, blocked or full storage: paying works, a phone's return cannot be matched.
      if (!this.#store.save(attempt, (run.guessable = id !== drawn))) {
        console.warn(
          'paymentwall-pay: the attempt could not be saved (sessionStorage is blocked or full): a result PortOne sends back by redirect (phones) is reported only for a fixed merchant-uid or payment-id, and unconfirmed.',
        );
      }
      run.id = id;
      ended = await protocol.pay(sdk, config, sent, attempt, t);
      leaving = !ended;
    } finally {
      // Held while the page leaves for the redirect URL: a second call would race that navigation.
      if (shared.paying === mine && !leaving) shared.paying = undefined;
    }
    // Leaving for the redirect URL: the saved attempt stays for the return, which reports it.
    if (!ended) return run.whenAbandoned;
    this.#store.forget(id);
    return ended;
  }

  #failure(via: PayFailDetail['via'], code: PayFailCode, id?: string): PayFailDetail {
    return this.#protocol.failure(via, code, this.#t, id);
  }

  /**
   * Shows the outcome and dispatches its event: the one place a result is reported. Unconfirmed (a
   * return with no saved attempt): a success does not enter the paid state, a failure carries none
   * of the link's text, and the detail says `unconfirmed: true`.
   */
  #report(outcome: Outcome, confirmed = true, order?: string, run?: AttemptRun): PayResult {
    if (!('detail' in outcome)) return outcome;
    // A new result here: what a return showed at this place no longer holds (set again after a return).
    this.#forgetShown();
    const success = outcome.status === 'success';
    if (success) {
      if (confirmed) {
        // Not for an order the page changed while the buyer paid: that one is still to pay.
        this.completed = order === undefined || order === this.#order();
        this.status = { kind: 'success', text: this.completed ? 'success' : 'paidBeforeChange' };
        // Paid here: a widget re-created in its place (a page builder's re-render on pay-success)
        // shows Paid too, not the same order to pay again; and after the page changed the order
        // while the buyer paid, this widget once it sells the order paid again ('' is no order).
        if (this.isConnected && order !== '') this.#keepShown(outcome.detail.buyer, undefined, { href: location.href, order: order ?? this.#order(), completed: true, status: PAID });
      } else {
        // The link's ids stay (a server verifies them), and nothing else of it, as from a failure.
        const link = outcome.detail.response as Record<string, string>;
        const response = Object.fromEntries(['imp_uid', 'merchant_uid', 'paymentId', 'txId'].flatMap((name) => (link[name] === undefined ? [] : [[name, link[name]]])));
        Object.assign(outcome.detail, { response, unconfirmed: true });
      }
    } else {
      // Unconfirmed: our own failure, with none of the link's text.
      if (!confirmed) outcome.detail = { ...this.#failure('redirect', 'pg-error', outcome.detail.merchantUid), unconfirmed: true };
      const { detail } = outcome;
      const { code } = detail;
      const pgMessage = this.#protocol.reason(detail);
      const kind = code === 'pg-error' && this.#protocol.closed(detail) ? 'closed' : 'fail';
      if (kind === 'closed') detail.closed = true;
      const text = kind === 'closed' ? 'buyerClosed' : code;
      // PortOne's reason only where it adds something: for a closed window it says the same again.
      this.status = pgMessage && kind !== 'closed' ? { kind, text, pgMessage } : { kind, text };
    }
    const event = () => paymentEvent(success ? 'pay-success' : 'pay-fail', outcome.detail);
    // Removed while PortOne's window was open (`key`: the request was sent), as a framework
    // re-rendering does. The widget put in its place since, for the same order, reports it instead
    // (and shows it): React 19 and Vue 3 leave the app's handler on the removed element as well, so
    // telling both would tell the app twice. A widget that was on the page already (another one
    // sliding into its position) is not it. With none, this element and the document hear it.
    const heir = this.#heir(run, order);
    if (heir) {
      // Its form shows what the buyer typed into the removed one: for a retry, or beside "Paid".
      heir.#restoreTyped(this.typed);
      return heir.#report(outcome, confirmed, order);
    }
    this.dispatchEvent(event());
    if (run?.key && !this.isConnected) unclobbered(document, 'dispatchEvent')(event());
    return outcome;
  }

  /**
   * The widget a framework put in this removed one's place (`run.key`) after its request was sent,
   * for the same order: what the attempt ends in reaches the buyer there.
   */
  #heir(run?: AttemptRun, order?: string): PaymentwallPay | undefined {
    const heir = run?.key && !this.isConnected && elementByKey(run.key);
    return heir instanceof PaymentwallPay && heir.#connected > run!.sent! && !heir.#inFlight && heir.#order() === order ? heir : undefined;
  }

  /**
   * After a mobile redirect the page loads anew with PortOne's result in the query. Exactly one
   * widget reports it: the one that started it if it is on the page, else the first to look.
   */
  #finishRedirect(): void {
    // Most pages carry no result: no timers for them, and the address read once for all widgets.
    // Either version's: which one this widget speaks is decided after the wait (a framework may
    // set store-id a moment after the first render).
    const href = location.href;
    if (addressRead !== href) {
      addressRead = href;
      carried = [v1.readReturn(href)?.id, v2.readReturn(href)?.id];
      // No result here for the attempts whose order id someone chose (fixed, or a pay-request
      // listener's), sent before this page loaded: the buyer came back without one (Back, a link).
      // Anyone who knows such an id could link a "result". Once per address, for every widget; on
      // an address with another order's "result" too (a link may plant one to skip this).
      for (const id of this.#store.guessable()) if (!carried.includes(id)) this.#store.abandon(id, pageLoad());
    }
    if (carried[0] ?? carried[1]) this.#returning = this.#finishReturn();
    // And this widget's own fixed order id, for attempts older copies saved without that list.
    const id = this.#fixedId;
    if (id && !carried.includes(id)) this.#store.abandon(id, pageLoad());
  }

  async #finishReturn(): Promise<void> {
    if (unclobbered(document, 'readyState') === 'loading') {
      await new Promise((resolve) => unclobbered(document, 'addEventListener')('DOMContentLoaded', resolve, { once: true }));
    }
    // One task later, so the other widgets parsed with this one have rendered and can claim theirs.
    await new Promise((resolve) => setTimeout(resolve));
    const protocol = this.#protocol;
    const found = protocol.readReturn(location.href);
    if (!found || !this.isConnected) return;
    const { id, query } = found;
    const claims = sharedState().redirectClaims;
    if (claims.has(id)) return;
    // An attempt saved by the other PortOne version under the same id is not this return's.
    let stored = this.#store.get(id);
    if (stored && !(protocol.idProperty in stored)) stored = undefined;
    // The paying page's own address (`echo`), which already read as a return: no answer of
    // PortOne's when the attempt was sent from this very page load (a pay() on mount), or when
    // this load is a reload or Back without the back/forward cache: the buyer left PortOne without
    // a result. Any other load at just that address (PortOne's redirect among them) is reported,
    // unconfirmed.
    const echoed = stored?.echo === location.href;
    if (echoed && (stored!.load === pageLoad() || loadedAgain())) {
      this.#store.abandon(id, pageLoad());
      return;
    }
    const reportedBefore = this.#store.wasReported(id, query);
    // No saved attempt: a reload of a return already reported (only cleaned), or, only where
    // storage is blocked, a return for the configured order id. Else a link anyone can craft.
    if (!stored && !reportedBefore && !(!this.#store.usable() && protocol.acceptsUnsaved(found, this.#fixedId))) return;
    // The widget that started it: the one its key names now (as this version or an earlier one wrote it).
    const owner = () => (stored?.elementKey ? elementByKey(stored.elementKey) : this);
    let named = owner();
    if (named !== this) {
      // The widget that started it reports it, if it can read it: a V1 widget in its place cannot.
      if (named instanceof PaymentwallPay && named.#protocol === protocol) return;
      // The widget that started it may still be mounting (a framework, another shadow root), or
      // one mounting before may make this widget, or another one waiting too, the one its key names.
      this.#awaiting = id;
      await new Promise((resolve) => setTimeout(resolve, OWNER_HEAD_START_MS));
      this.#awaiting = undefined;
      if (claims.has(id) || !this.isConnected) return;
      named = owner();
      if (named !== this && named instanceof PaymentwallPay && named.#awaiting === id) return;
    }
    const mine = named === this;
    claims.add(id);
    this.#store.forget(id);
    // The address cleaned, where the browser lets it (Safari refuses after many changes in a short
    // time, a sandboxed frame may always): still carrying the result, it is not reported again.
    try {
      history.replaceState(history.state, '', protocol.withoutResult(location.href));
    } catch {}
    if (reportedBefore) {
      // The same return again, on a new page load (a PG's page that sends the buyer back once more
      // after Back): told already, so no event. The widget that showed it paid, at its place and
      // for the same order (now, or once a framework has bound the rest of it, or mounted it),
      // shows it paid again rather than a form that would charge again.
      const [key, order] = this.#store.paidAt(id) ?? [];
      if (key && order) this.#keepFor(key, { href: location.href, order, completed: true, status: PAID });
      return;
    }
    // When storage was unavailable: what this widget is configured with is the best we know.
    const attempt = stored ?? protocol.attemptFromConfig(id, this.#config.ok ? this.#config.config : undefined, toBuyer(this.#input(), this.#fields()));
    const outcome = protocol.returnOutcome(found, attempt, this.#t);
    // Without an attempt of ours, or for one the buyer left without a result, the query may come
    // from a crafted link: unconfirmed.
    const confirmed = stored !== undefined && !stored.abandoned && !echoed;
    // That it was reported, for this reload; and how it ended, for the page the buyer may come Back
    // to (#pageRestored), which shows only a confirmed result.
    this.#store.markReported(id, query, confirmed ? (outcome.status === 'fail' && protocol.closed(outcome.detail) ? 'closed' : outcome.status) : undefined);
    // Reported by the widget that started it (or one at its place): its form shows again what the
    // buyer typed before leaving, as when the window answers in place, for a retry after a failure
    // and beside "Paid" after a success; only from an attempt this tab saved, never from the address.
    // Reported by another widget (the one that started it is gone): that one's order is not the one
    // paid, so it neither takes the buyer's details nor enters the paid state ('' is no order).
    if (stored && mine) this.#restoreTyped(stored.buyer);
    // Its place, before a pay-success listener may put another widget there.
    const place = widgetKey(this);
    // Its order when it paid, where the attempt kept it: a widget at its place selling another
    // order does not enter the paid state.
    this.#report(outcome, confirmed, mine ? stored?.order : '');
    const order: unknown = stored?.order;
    const paid = outcome.status === 'success';
    if (mine && confirmed) {
      // Paid: #report kept it at its place for the order paid, also while it sells another for now
      // (a default, or one a framework binds part by part). A failure is kept beside the typing.
      if (paid) this.#store.markPaid(id, place, typeof order === 'string' ? order : this.#order());
      else this.#keepShown(stored?.buyer, place);
    } else if (confirmed && typeof order === 'string') {
      // For the widget that paid, not on the page yet (a lazy route): it shows Paid whenever it
      // sells the order paid, this page load, or the failure beside the buyer's typing.
      const key = stored!.elementKey!;
      if (paid) this.#store.markPaid(id, key, order);
      this.#keepFor(key, { href: location.href, order, completed: paid, status: paid ? PAID : this.status }, stored!.buyer);
    }
  }

  /**
   * What the widget at `key` is to show for its order, kept (see `returnsShown`) and shown there at
   * once if it is on the page already (it may have mounted during this widget's wait).
   */
  #keepFor(key: string, shown: Shown, buyer?: object): void {
    this.#keepShown(buyer, key, shown);
    const owner = elementByKey(key);
    if (owner instanceof PaymentwallPay && !owner.#inFlight) owner.#takeShown();
  }

  /** What this widget (or the one at `key`) shows now, kept for a widget re-created at its place (see `returnsShown`). */
  #keepShown(buyer?: object, key = widgetKey(this), shown: Shown = { href: location.href, order: this.#order(), completed: this.completed, status: this.status }): void {
    (sharedState().returnsShown ??= new Map()).set(key, buyer ? { ...shown, buyer } : shown);
  }

  /** What a return showed at this widget's place (see `returnsShown`), forgotten: the widget moved on. */
  #forgetShown(): void {
    const kept = sharedState().returnsShown;
    for (const [key] of kept ?? []) if (elementByKey(key) === this) kept!.delete(key);
  }

  #restoreTyped(buyer: BuyerInput): void {
    const typed: BuyerInput = { ...this.typed };
    for (const field of this.#fields()) {
      const value: unknown = buyer[field];
      if (typed[field] === undefined && typeof value === 'string') typed[field] = value;
    }
    this.typed = typed;
  }

  // ——— SDK warm-up ———

  #watchForFirstUse(): void {
    const warm = () => this.#warm();
    this.addEventListener('pointerenter', warm);
    this.addEventListener('focusin', warm);
    // Seen: warm up, but only once the window has loaded. A pending SDK request would hold the
    // page's load event (a hanging CDN, for as long as the browser waits); touch and pay do not wait.
    let stopWaitingForLoad = () => {};
    const stopVisible = whenFirstVisible(this, () => {
      stopWaitingForLoad = afterPageLoad(() => {
        this.#seen = true;
        warm();
      });
    });
    this.#stopWatching = () => {
      stopVisible();
      stopWaitingForLoad();
      this.removeEventListener('pointerenter', warm);
      this.removeEventListener('focusin', warm);
      this.#stopWatching = undefined;
    };
  }

  /** Starts loading the SDK on first sight or touch, so paying opens the window at once. */
  #warm(checked?: ProtocolConfigResult<CommonConfig>): void {
    if (this.#warmed) return;
    checked ??= this.#readConfig();
    // Not yet configured (a framework may fill it in later): keep watching.
    if (!checked.ok) return;
    this.#warmed = true;
    this.#stopWatching?.();
    // A failure here is forgotten by the loader; paying tries again and reports it.
    const { sdk } = this.#protocol;
    if (!sdk.ready()) loadSdk({ ...this.#sdkOptions(checked.config), sdk }).catch(() => {});
  }

  #sdkOptions(config: CommonConfig) {
    // The native `nonce` property: browsers hide the attribute, but keep the value here.
    return {
      src: config.sdkSrc,
      timeoutMs: config.sdkTimeout,
      nonce: this.nonce || pageNonce(),
      integrity: config.sdkIntegrity,
    };
  }

  // ——— form handlers ———

  // Paying starts from the button's click, since a frame sandboxed without allow-forms submits
  // no form (Enter in a field still clicks the button); and from a submit of the form, which
  // would otherwise leave the page.
  #onPay = (event: Event): void => {
    // A click the page cancelled before it reached the button (a consent gate) pays nothing.
    if (event.defaultPrevented) return;
    event.preventDefault();
    void this.pay();
  };

  // Heard around the form while the events go down to an input (capture): blur does not bubble.
  #onInput = {
    capture: true,
    handleEvent: (event: Event): void => {
      const input = event.target as HTMLInputElement;
      if (input.localName === 'input') this.typed = { ...this.typed, [input.name]: input.value };
    },
  };

  #onBlur = {
    capture: true,
    handleEvent: (event: Event): void => {
      const input = event.target as HTMLInputElement;
      const field = input.name as BuyerField;
      if (input.localName === 'input' && !this.revealed.has(field)) this.revealed = new Set([...this.revealed, field]);
    },
  };

  // ——— derived values ———

  get #lang(): Lang {
    // The property, not the attribute: Lit reflects it only after render. A framework may bind a
    // number or an object: read as text, or as no language.
    return resolveLang(this, typeof navigator === 'undefined' ? [] : navigator.languages, textOf(this.lang) ?? null);
  }

  /** The session's saved attempts, opened when first needed (most widgets on a page never are). */
  get #store(): AttemptStore<SavedAttempt> {
    return (this.#attempts ??= new AttemptStore<SavedAttempt>());
  }

  #refresh(): void {
    this.#configStale = true;
    this.requestUpdate();
  }

  get #t(): Translation {
    return translations[this.#lang];
  }

  #fields(): BuyerField[] {
    return visibleFields(optionalFields(textOf(this.fields)));
  }

  #value(field: BuyerField): string {
    return this.typed[field] ?? this.#prefill(field) ?? textOf(this.#left?.[field]) ?? '';
  }

  #prefill(field: BuyerField): string | undefined {
    const prefill: Record<BuyerField, unknown> = {
      name: this.buyerName,
      email: this.buyerEmail,
      tel: this.buyerTel,
      addr: this.buyerAddr,
      postcode: this.buyerPostcode,
    };
    return textOf(prefill[field]);
  }

  #input(): BuyerInput {
    return Object.fromEntries(this.#fields().map((field) => [field, this.#value(field)]));
  }

  /**
   * What the widget currently asks the buyer to pay for, as text: `1004` set as a number or as
   * the string "1004 " is the same order.
   */
  #order(read = (name: (typeof ORDER_PROPERTIES)[number]): unknown => this[name]): string {
    return JSON.stringify(
      ORDER_PROPERTIES.map((name) => {
        const text = (textOf(read(name)) ?? '').trim();
        // A currency in any case is one currency: "krw" set again as "KRW" is the same order.
        return name === 'currency' ? text.toUpperCase() : text;
      }),
    );
  }

  /** The order id the page fixed for this widget (`merchant-uid`, V2 `payment-id`), if any. */
  get #fixedId(): string | undefined {
    return textOf(this[this.#protocol.idProperty])?.trim();
  }

  /** The PortOne version this widget speaks: V2 with `store-id`, else V1. */
  get #protocol(): Protocol {
    return textOf(this.storeId)?.trim() ? v2 : v1;
  }

  #readConfig(): ProtocolConfigResult<CommonConfig> {
    // Every property the readers take, under its own name: the text ones and these five.
    const names = [...Object.keys(TEXT_PROPERTIES), 'amount', 'testMode', 'sdkTimeout', 'customData', 'bypass'];
    const raw = Object.fromEntries(names.map((name) => [name, this[name as keyof this]])) as RawConfig;
    raw.customDataAttribute = this.hasAttribute('custom-data');
    // Only while the property holds nothing (or off) and was never set since the first render:
    // server-rendered Vue leaves such attributes behind and then sets the properties as it hydrates.
    raw.lowercased = [...PaymentwallPay.elementProperties].flatMap(([name, { attribute, state }]) => {
      const held = this[name as keyof this] as unknown;
      const said = this.getAttribute((name as string).toLowerCase());
      return !state && (attribute === false || /[A-Z]/.test(name as string)) && said !== null && !this.#assigned.has(name) && (held === undefined || (held === false && said !== 'false'))
        ? [typeof attribute === 'string' ? attribute : (name as string)]
        : [];
    });
    return this.#protocol.readConfig(raw, this.#environment());
  }

  #environment(): ConfigEnvironment {
    if (isServer) return { impReady: true, baseUrl: 'http://localhost/' };
    // A getter: only a V1 widget without imp-code asks, and the answer looks through the page's scripts.
    const widget = this;
    return {
      get impReady() {
        return widget.#pageLoadsSdk();
      },
      baseUrl: pageBase(),
    };
  }

  /**
   * Without `imp-code` the page must bring `window.IMP` itself. While the page is still loading
   * its script may simply not be parsed yet, so that is not an error until DOMContentLoaded; after
   * it, `window.IMP` or a tag for the SDK URL counts, if the page's and not one another widget's
   * load brought (that one is set up for no merchant, or for another widget's).
   */
  #pageLoadsSdk(): boolean {
    return unclobbered(document, 'readyState') === 'loading' || pageBringsImp(toHttpUrl(textOf(this.sdkSrc) ?? DEFAULT_SDK_SRC, pageBase()));
  }

  /** One console line per distinct mistake, not one per render. */
  #logConfig(result: ProtocolConfigResult<CommonConfig>): void {
    // Not while the page is still loading: a script after the tag may bring what is missing, or
    // show that nothing will (window.IMP without imp-code). The page's refresh at
    // DOMContentLoaded reads the configuration again, and its whole list is logged then, once.
    if (!isServer && unclobbered(document, 'readyState') === 'loading') return;
    const lines = result.ok ? [...result.warnings] : result.problems.map((problem) => this.#protocol.problemText('en', problem));
    // A phone comes back to this page unless redirect-url says where: a srcdoc frame (a page
    // builder's preview), a file or a data: page has no address PortOne can send it back to.
    if (result.ok && !result.config.redirectUrl && !isServer && !/^https?:$/.test(location.protocol)) {
      lines.push(`paymentwall-pay: PortOne cannot send a phone back to this ${location.protocol} page; set redirect-url.`);
    }
    const signature = lines.join('\n');
    if (signature === this.#loggedConfig) return;
    this.#loggedConfig = signature;
    // The widget named by its place, not passed itself: a console-capture tool would record its
    // attributes, and with them a prefilled buyer's name or e-mail.
    const where = isServer ? '' : ` (${widgetKey(this)})`;
    if (!result.ok) console.error(`paymentwall-pay: invalid configuration, payment disabled${where}:\n- ${lines.join('\n- ')}`);
    else for (const warning of lines) console.warn(warning + where);
  }
}
