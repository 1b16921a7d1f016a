/*
 * PortOne V2 sandbox (offline): a DEMO STAND-IN for https://cdn.portone.io/v2/browser-sdk.js.
 *
 * It is NOT part of the paymentwall-pay package and is never shipped: it lives in demo/ so that
 * `npm start` shows a V2 payment with no PortOne account and no network. No money moves and
 * nothing leaves the browser.
 *
 * What it imitates (PortOne's V2 checkout and Paymentwall guides, https://developers.portone.io/opi/ko/integration/start/v2/checkout
 * and https://developers.portone.io/opi/ko/integration/pg/v2/paymentwall):
 * - a classic script defining `window.PortOne` with `requestPayment(request)` returning a
 *   promise, and no init call; like the real loader it keeps an existing `window.PortOne`;
 * - errors before the payment window (a malformed request, a `paymentId` already paid in this
 *   tab) REJECT the promise with a `PaymentError`-shaped Error (`__portOneErrorType:
 *   'PaymentError'`, `code`, `message`, `paymentId`), and are never redirected;
 * - otherwise a modal <dialog> ("the payment window") with Approve / Decline / Close window; the
 *   promise RESOLVES with `{ transactionType: 'PAYMENT', txId, paymentId }`, plus `code` /
 *   `message` (and `pgCode` / `pgMessage` for a decline) on failure: V2 failure is a value;
 * - "mobile" mode: with a `redirectUrl`, instead of resolving with the result it navigates there
 *   with `paymentId` and, on failure, `code`, `message`, `pgCode`, `pgMessage` (the documented
 *   query; `txId` is not added, because the docs do not promise it), and the promise resolves
 *   `undefined`. Without a `redirectUrl` it answers by the promise, as PortOne does.
 *
 * Mobile mode is on when `localStorage.getItem('sandbox-mobile') === '1'`, the same switch as
 * demo/sandbox-iamport.js, so the demo page's "Mobile redirect" switch drives both. From code:
 * `PortOne.__sandboxSetMobile(true | false)`.
 *
 * Codes: `PaymentAlreadyPaid` and `InvalidArgument` are members of PortOne's error-code unions
 * (TxServicePayErrorCode, GrpcErrorCode); which code the real SDK gives for which check is not
 * documented. `FAILURE_TYPE_PG` for a declined or closed window and `SANDBOX_DECLINED` /
 * `WINDOW_OPEN` are this sandbox's choices, not confirmed PortOne values.
 *
 * It runs under a strict CSP with Trusted Types: the DOM is built with createElement and
 * textContent only (no innerHTML, no text from the request is ever parsed as HTML), and its look
 * comes from demo/sandbox.css (the V1 sandbox's classes), linked once next to this file.
 */
(function () {
  'use strict';

  if (window.PortOne) return;

  var MOBILE_KEY = 'sandbox-mobile';
  var PAID_KEY = 'sandbox-portone:paid-payment-ids';
  var RESULT_PARAMS = ['paymentId', 'txId', 'transactionType', 'code', 'message', 'pgCode', 'pgMessage'];
  // ISO 4217 exponents other than 2: totalAmount is in minor units (reference §1).
  var ZERO = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
  var THREE = 'BHD IQD JOD KWD LYD OMR TND';

  var STRINGS = {
    en: {
      title: 'PortOne V2 sandbox (offline)',
      note: 'Demo stand-in for browser-sdk.js. No money moves; nothing leaves this browser.',
      store: 'Store (storeId)',
      channel: 'Channel (channelKey)',
      order: 'Order (orderName)',
      paymentId: 'Payment id (paymentId)',
      amount: 'totalAmount (minor units)',
      customer: 'Customer',
      locale: 'Locale',
      paymentwall: 'bypass.paymentwall',
      widgetDefault: 'pw_1 (default widget)',
      widgetT3: 't3_1 (Terminal 3)',
      psDefault: 'all methods for the country',
      countryDefault: 'from the buyer\u2019s IP',
      resultTo: 'Result goes to',
      resultPromise: 'the promise (desktop)',
      resultRedirect: 'a redirect to',
      approve: 'Approve',
      decline: 'Decline',
      close: 'Close window',
      notSet: '(not set)'
    },
    ko: {
      title: '포트원 V2 샌드박스 (오프라인)',
      note: 'browser-sdk.js 대신 쓰는 데모용 대역입니다. 실제 결제는 일어나지 않으며 아무 데이터도 전송되지 않습니다.',
      store: '상점 (storeId)',
      channel: '채널 (channelKey)',
      order: '주문명 (orderName)',
      paymentId: '결제 ID (paymentId)',
      amount: 'totalAmount (최소 단위)',
      customer: '구매자',
      locale: '언어',
      paymentwall: 'bypass.paymentwall',
      widgetDefault: 'pw_1 (기본 위젯)',
      widgetT3: 't3_1 (Terminal 3)',
      psDefault: '국가별 전체 결제수단',
      countryDefault: '구매자 IP 기준',
      resultTo: '결과 전달',
      resultPromise: 'Promise (PC)',
      resultRedirect: '다음 주소로 리다이렉트:',
      approve: '승인',
      decline: '거절',
      close: '창 닫기',
      notSet: '(없음)'
    }
  };

  var openDialog = null;
  var dialogCount = 0;

  linkStylesheetOnce();

  window.PortOne = {
    requestPayment: requestPayment,
    /** Sandbox only: switch mobile (redirect) mode on or off for this browser. */
    __sandboxSetMobile: function (on) {
      try {
        if (on) localStorage.setItem(MOBILE_KEY, '1');
        else localStorage.removeItem(MOBILE_KEY);
      } catch (e) {
        /* storage blocked: mobile mode stays off */
      }
    }
  };

  function requestPayment(request) {
    return new Promise(function (resolve, reject) {
      var problem = checkRequest(request);
      if (problem) {
        // The real SDK answers after a network round trip, never synchronously.
        setTimeout(function () {
          reject(paymentError(problem[0], problem[1], request && typeof request === 'object' ? request.paymentId : undefined));
        }, 0);
        return;
      }
      if (request.payMethod !== undefined) {
        console.warn('[sandbox-portone] Paymentwall V2 does not support payMethod (reference §5); the sandbox ignores it.');
      }
      showPaymentWindow(request, function (outcome) {
        var response = responseFor(outcome, request);
        if (outcome === 'approve') rememberPaid(request.paymentId);
        var target = isMobile() ? request.redirectUrl : null;
        if (target && redirect(target, response)) {
          resolve(undefined);
          return;
        }
        setTimeout(function () {
          resolve(response);
        }, 0);
      });
    });
  }

  /** The checks made before a payment window opens; [code, message] or null. */
  function checkRequest(r) {
    if (!r || typeof r !== 'object') return ['InvalidArgument', 'The request must be an object.'];
    if (openDialog) return ['WINDOW_OPEN', 'Another payment window is already open (sandbox).'];
    if (!nonEmpty(r.storeId)) return ['InvalidArgument', 'storeId is required.'];
    if (!nonEmpty(r.channelKey) && !nonEmpty(r.channelGroupId)) return ['InvalidArgument', 'channelKey or channelGroupId is required.'];
    if (!nonEmpty(r.paymentId)) return ['InvalidArgument', 'paymentId is required.'];
    if (!nonEmpty(r.orderName)) return ['InvalidArgument', 'orderName is required.'];
    if (typeof r.totalAmount !== 'number' || !Number.isSafeInteger(r.totalAmount) || r.totalAmount <= 0) {
      return ['InvalidArgument', 'totalAmount must be a positive integer in minor units.'];
    }
    if (!nonEmpty(r.currency)) return ['InvalidArgument', 'currency is required.'];
    var customer = r.customer || {};
    if (!nonEmpty(customer.customerId) || !nonEmpty(customer.email)) {
      return ['InvalidArgument', '페이먼트월의 경우 구매자 고유 ID와 이메일은 필수 입력 항목입니다 (customer.customerId, customer.email).'];
    }
    if (r.redirectUrl !== undefined && !isHttpUrl(r.redirectUrl)) return ['InvalidArgument', 'redirectUrl must start with https:// or http://.'];
    var notices = r.noticeUrls || [];
    for (var i = 0; i < notices.length; i++) {
      if (!isHttpUrl(notices[i])) return ['InvalidArgument', 'noticeUrls must be HTTP(S) URLs.'];
    }
    if (paidPaymentIds().indexOf(r.paymentId) !== -1) return ['PaymentAlreadyPaid', '이미 결제 완료된 paymentId입니다.'];
    return null;
  }

  function responseFor(outcome, request) {
    var response = { transactionType: 'PAYMENT', txId: randomTxId(), paymentId: request.paymentId };
    if (outcome === 'decline') {
      response.code = 'FAILURE_TYPE_PG';
      response.message = '[PAYMENTWALL] Card declined (sandbox)';
      response.pgCode = 'SANDBOX_DECLINED';
      response.pgMessage = 'Card declined (sandbox)';
    } else if (outcome === 'close') {
      response.code = 'FAILURE_TYPE_PG';
      response.message = '사용자가 결제를 취소하였습니다 (sandbox)';
    }
    return response;
  }

  /** The modal "payment window". `done` gets 'approve', 'decline' or 'close'. */
  function showPaymentWindow(request, done) {
    var ko = request.locale === 'KO_KR';
    var t = STRINGS[ko ? 'ko' : 'en'];
    var id = 'sandbox-portone-' + ++dialogCount;
    var mobileTarget = isMobile() ? request.redirectUrl : null;

    var dialog = el('dialog', 'sandbox-iamport');
    if (mobileTarget) dialog.classList.add('sandbox-iamport--mobile');
    dialog.setAttribute('aria-labelledby', id + '-title');
    dialog.setAttribute('aria-describedby', id + '-note');
    if (ko) dialog.setAttribute('lang', 'ko');

    // Opens on its title, so Enter cannot approve a payment by accident; Tab reaches Approve next.
    var title = el('h2', 'sandbox-iamport__title', t.title);
    title.id = id + '-title';
    title.tabIndex = -1;
    title.autofocus = true;
    var note = el('p', 'sandbox-iamport__note', t.note);
    note.id = id + '-note';
    var amount = el('p', 'sandbox-iamport__amount', formatMinorUnits(request.totalAmount, request.currency, ko ? 'ko-KR' : 'en'));

    var customer = request.customer;
    var bypass = (request.bypass && request.bypass.paymentwall) || {};
    var facts = el('dl', 'sandbox-iamport__facts');
    fact(facts, t.store, request.storeId);
    fact(facts, t.channel, request.channelKey || 'channelGroupId ' + request.channelGroupId);
    fact(facts, t.order, request.orderName);
    fact(facts, t.paymentId, request.paymentId);
    fact(facts, t.amount, request.totalAmount + ' ' + String(request.currency).toUpperCase());
    fact(facts, t.customer, [customer.customerId, customer.fullName, '<' + customer.email + '>', customer.phoneNumber]
      .filter(Boolean).join(' '));
    fact(facts, t.locale, request.locale || t.notSet);
    fact(facts, t.paymentwall, [
      'widget: ' + (bypass.widget === 't3_1' ? t.widgetT3 : bypass.widget || t.widgetDefault),
      'ps: ' + (bypass.ps || t.psDefault),
      'country_code: ' + (bypass.country_code || t.countryDefault)
    ].join(' · '));
    fact(facts, t.resultTo, mobileTarget ? t.resultRedirect + ' ' + mobileTarget : t.resultPromise);

    // A form with method="dialog" closes the dialog with the pressed button's value: no handlers.
    var form = el('form', 'sandbox-iamport__actions');
    form.method = 'dialog';
    button(form, 'approve', t.approve, 'sandbox-iamport__button sandbox-iamport__button--primary');
    button(form, 'decline', t.decline, 'sandbox-iamport__button');
    button(form, 'close', t.close, 'sandbox-iamport__button');

    // Title and buttons stay in view; only the facts between them scroll on a small screen.
    var body = el('div', 'sandbox-iamport__body');
    body.append(note, amount, facts);
    dialog.append(title, body, form);

    var returnFocusTo = deepActiveElement();
    dialog.addEventListener('close', function () {
      // Escape closes with an empty returnValue: that is the buyer closing the window.
      var outcome = dialog.returnValue === 'approve' || dialog.returnValue === 'decline' ? dialog.returnValue : 'close';
      dialog.remove();
      openDialog = null;
      if (returnFocusTo && returnFocusTo.isConnected && typeof returnFocusTo.focus === 'function') returnFocusTo.focus();
      done(outcome);
    }, { once: true });

    document.body.appendChild(dialog);
    openDialog = dialog;
    dialog.showModal();
  }

  /** Navigates to `target` with PortOne V2's result query; false when `target` is unusable. */
  function redirect(target, response) {
    if (!isHttpUrl(target)) {
      console.error('[sandbox-portone] redirectUrl is not an http(s) URL:', target);
      return false;
    }
    var url = new URL(target);
    RESULT_PARAMS.forEach(function (key) {
      url.searchParams.delete(key);
    });
    url.searchParams.set('paymentId', response.paymentId);
    ['code', 'message', 'pgCode', 'pgMessage'].forEach(function (key) {
      if (response[key] !== undefined) url.searchParams.set(key, response[key]);
    });
    location.assign(url.href);
    return true;
  }

  function paymentError(code, message, paymentId) {
    var error = new Error(message);
    error.__portOneErrorType = 'PaymentError';
    error.transactionType = 'PAYMENT';
    error.code = code;
    if (typeof paymentId === 'string') error.paymentId = paymentId;
    return error;
  }

  function formatMinorUnits(amount, currency, locale) {
    var code = String(currency || '').toUpperCase();
    var digits = !/^[A-Z]{3}$/.test(code) ? 2 : ZERO.indexOf(code) !== -1 ? 0 : THREE.indexOf(code) !== -1 ? 3 : code === 'CLF' || code === 'UYW' ? 4 : 2;
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits
      }).format(amount / Math.pow(10, digits));
    } catch (e) {
      return amount + ' ' + code;
    }
  }

  function nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '';
  }

  function isHttpUrl(value) {
    try {
      var url = new URL(String(value));
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch (e) {
      return false;
    }
  }

  function isMobile() {
    try {
      return localStorage.getItem(MOBILE_KEY) === '1';
    } catch (e) {
      return false;
    }
  }

  function paidPaymentIds() {
    try {
      var list = JSON.parse(sessionStorage.getItem(PAID_KEY) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  function rememberPaid(paymentId) {
    try {
      sessionStorage.setItem(PAID_KEY, JSON.stringify(paidPaymentIds().concat(paymentId)));
    } catch (e) {
      /* storage blocked: the PaymentAlreadyPaid check only covers this page */
    }
  }

  function randomTxId() {
    var hex = Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
  }

  /** The focused element, looking inside shadow roots (the element's button lives in one). */
  function deepActiveElement() {
    var active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  function linkStylesheetOnce() {
    var script = document.currentScript;
    if (!script || !script.src) return;
    var href = new URL('sandbox.css', script.src).href;
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === href) return;
    }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function fact(list, term, value) {
    list.append(el('dt', null, term), el('dd', null, value == null || value === '' ? '' : String(value)));
  }

  function button(form, value, label, className) {
    var node = el('button', className, label);
    node.type = 'submit';
    node.value = value;
    form.appendChild(node);
  }
})();
