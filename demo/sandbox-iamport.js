/*
 * PortOne sandbox (offline): a DEMO STAND-IN for https://cdn.iamport.kr/v1/iamport.js.
 *
 * It is NOT part of the paymentwall-pay package and is never shipped: it lives in demo/ so that
 * `npm start` shows the whole payment flow with no PortOne account and no network. No money
 * moves and nothing leaves the browser.
 *
 * What it imitates (PortOne's V1 JavaScript SDK docs, https://developers.portone.io/sdk/ko/v1-sdk/javascript-sdk/readme,
 * and its request and response pages):
 * - a classic script defining `window.IMP` with `init(code)`, `agency(code, tier)` and
 *   `request_pay(params, callback)`; like the real script it keeps an existing `window.IMP`;
 * - `request_pay` checks the request first (init called, channel, merchant_uid, amount a
 *   number, a merchant_uid already paid in this tab -> F1002) and reports those failures through
 *   the callback with `imp_uid: null`;
 * - otherwise it opens a modal <dialog> ("the payment window") with Approve / Decline /
 *   Close window, and answers the callback as PortOne does (its documented response fields);
 * - "mobile" mode: instead of calling the callback it navigates to `m_redirect_url` with
 *   `imp_uid`, `merchant_uid` and, on failure, `error_code` / `error_msg`, as PortOne documents.
 *
 * Mobile mode is on when `localStorage.getItem('sandbox-mobile') === '1'`. Turn it on or off
 * from the page with `IMP.__sandboxSetMobile(true | false)`, or by writing that key yourself
 * (the demo page's "Mobile redirect" switch does the latter, because the element loads this
 * script lazily and `window.IMP` may not exist yet).
 *
 * Error codes: F1002 ("이미 결제가 이루어진 거래건입니다") is PortOne's documented code for a
 * merchant_uid that is already paid. PortOne documents no codes for the other checks, so this
 * sandbox uses readable names of its own (NOT_INITIALIZED, INVALID_PARAMETER, WINDOW_OPEN).
 * F400 for a declined card and a closed window is the sandbox's choice, not a confirmed
 * PortOne code.
 *
 * It runs under a strict CSP with Trusted Types: the DOM is built with createElement and
 * textContent only, and its look comes from demo/sandbox.css (linked once, next to this file,
 * unless the page links it already).
 */
(function () {
  'use strict';

  // The real SDK wraps its body in `window.IMP || …`, so a second copy never replaces the first.
  if (window.IMP) return;

  var MOBILE_KEY = 'sandbox-mobile';
  var PAID_KEY = 'sandbox-iamport:paid-merchant-uids';
  var RESULT_PARAMS = ['imp_uid', 'merchant_uid', 'error_code', 'error_msg', 'imp_success', 'success'];

  var STRINGS = {
    en: {
      title: 'PortOne sandbox (offline)',
      note: 'Demo stand-in for iamport.js. No money moves; nothing leaves this browser.',
      merchant: 'Merchant',
      channel: 'Channel',
      order: 'Order',
      orderId: 'Order id (merchant_uid)',
      amount: 'Amount',
      buyer: 'Buyer',
      payMethod: 'Pay method',
      paymentwall: 'Paymentwall bypass',
      widgetDefault: 'pw_1 (default widget)',
      widgetT3: 't3_1 (Terminal 3)',
      psDefault: 'all (default)',
      countryDefault: 'from the buyer\u2019s IP',
      testMode: 'Test mode (use_test_method)',
      yes: 'Yes',
      no: 'No',
      billingKey: 'Billing key (customer_uid)',
      billingSaved: 'The card is saved as',
      billingNone: 'Not saved',
      resultTo: 'Result goes to',
      resultCallback: 'the callback (desktop)',
      resultRedirect: 'a redirect to',
      approve: 'Approve',
      decline: 'Decline',
      close: 'Close window',
      notSet: '(not set)'
    },
    ko: {
      title: '포트원 샌드박스 (오프라인)',
      note: 'iamport.js 대신 쓰는 데모용 대역입니다. 실제 결제는 일어나지 않으며 아무 데이터도 전송되지 않습니다.',
      merchant: '가맹점',
      channel: '채널',
      order: '주문명',
      orderId: '주문번호 (merchant_uid)',
      amount: '금액',
      buyer: '구매자',
      payMethod: '결제수단',
      paymentwall: 'Paymentwall 추가 설정 (bypass)',
      widgetDefault: 'pw_1 (기본 위젯)',
      widgetT3: 't3_1 (Terminal 3)',
      psDefault: 'all (기본값)',
      countryDefault: '구매자 IP 기준',
      testMode: '테스트 모드 (use_test_method)',
      yes: '예',
      no: '아니요',
      billingKey: '빌링키 (customer_uid)',
      billingSaved: '카드가 다음 이름으로 저장됩니다:',
      billingNone: '저장하지 않음',
      resultTo: '결과 전달',
      resultCallback: '콜백 (PC)',
      resultRedirect: '다음 주소로 리다이렉트:',
      approve: '승인',
      decline: '거절',
      close: '창 닫기',
      notSet: '(없음)'
    }
  };

  var merchant = null; // { code, tier } once IMP.init / IMP.agency ran
  var openDialog = null;
  var dialogCount = 0;

  linkStylesheetOnce();

  window.IMP = {
    init: function (code) {
      merchant = { code: String(code), tier: null };
    },
    agency: function (code, tier) {
      merchant = { code: String(code), tier: tier == null ? null : String(tier) };
    },
    request_pay: requestPay,
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

  function requestPay(params, callback) {
    var problem = checkRequest(params);
    if (problem) {
      var merchantUid = params && typeof params === 'object' ? params.merchant_uid : undefined;
      var failure = {
        success: false,
        imp_uid: null,
        merchant_uid: merchantUid,
        error_code: problem.code,
        error_msg: problem.msg
      };
      // Failures before the window opens come back through the callback, on mobile too; only
      // without a callback does PortOne redirect them (reference §6, pitfall 2).
      var mobileTarget = typeof callback !== 'function' && isMobile() && params && params.m_redirect_url;
      if (!mobileTarget || !redirect(mobileTarget, failure)) answerLater(callback, failure);
      return;
    }
    showPaymentWindow(params, function (outcome) {
      var response = responseFor(outcome, params);
      if (outcome === 'approve') rememberPaid(params.merchant_uid);
      var target = isMobile() ? params.m_redirect_url : null;
      if (isMobile() && !target) {
        console.warn('[sandbox-iamport] mobile mode without m_redirect_url: the real SDK would lose this result; answering the callback instead.');
      }
      if (!target || !redirect(target, response)) answerLater(callback, response);
    });
  }

  /** The checks PortOne makes before it opens a payment window. */
  function checkRequest(params) {
    if (!params || typeof params !== 'object') {
      return { code: 'INVALID_PARAMETER', msg: '결제요청 파라메터가 누락되었습니다.' };
    }
    if (!merchant) {
      return { code: 'NOT_INITIALIZED', msg: '판매자 코드가 설정되지 않았습니다. IMP.init()함수를 먼저 호출하세요.' };
    }
    if (openDialog) {
      return { code: 'WINDOW_OPEN', msg: 'Another payment window is already open (sandbox).' };
    }
    if (!params.channelKey && !params.pg) {
      return { code: 'INVALID_PARAMETER', msg: 'channelKey 또는 pg 값이 필요합니다.' };
    }
    if (typeof params.merchant_uid !== 'string' || params.merchant_uid === '') {
      return { code: 'INVALID_PARAMETER', msg: 'merchant_uid(주문번호)가 누락되었습니다.' };
    }
    if (params.merchant_uid.length > 40) {
      return { code: 'INVALID_PARAMETER', msg: 'merchant_uid는 40자 이내여야 합니다.' };
    }
    if (typeof params.amount !== 'number' || !isFinite(params.amount) || params.amount <= 0) {
      return { code: 'INVALID_PARAMETER', msg: 'amount(결제금액)는 0보다 큰 숫자여야 합니다.' };
    }
    if (!params.name) {
      return { code: 'INVALID_PARAMETER', msg: 'Paymentwall 결제에는 name(주문명)이 필요합니다.' };
    }
    if (!params.buyer_email) {
      return { code: 'INVALID_PARAMETER', msg: 'Paymentwall 결제에는 buyer_email이 필요합니다.' };
    }
    if (paidMerchantUids().indexOf(params.merchant_uid) !== -1) {
      return { code: 'F1002', msg: '이미 결제가 이루어진 거래건입니다' };
    }
    return null;
  }

  /** The callback response for the button the buyer pressed (reference §3 field names). */
  function responseFor(outcome, params) {
    var response = {
      success: outcome === 'approve',
      imp_uid: 'imp_' + randomDigits(12),
      merchant_uid: params.merchant_uid,
      pay_method: params.pay_method || 'card',
      name: params.name,
      currency: String(params.currency || 'KRW').toUpperCase(),
      pg_provider: 'paymentwall',
      pg_type: 'payment',
      buyer_name: params.buyer_name || null,
      buyer_email: params.buyer_email || null,
      buyer_tel: params.buyer_tel || null,
      buyer_addr: params.buyer_addr || null,
      buyer_postcode: params.buyer_postcode || null,
      custom_data: params.custom_data == null ? null : JSON.stringify(params.custom_data)
    };
    if (params.customer_uid) response.customer_uid = params.customer_uid;

    if (outcome === 'approve') {
      response.paid_amount = params.amount;
      response.status = 'paid';
      response.pg_tid = 'sandbox_' + randomDigits(10);
      response.apply_num = randomDigits(8);
      response.card_name = 'Sandbox Card';
      response.card_number = '411111******1111';
      response.paid_at = Math.floor(Date.now() / 1000);
    } else {
      response.status = 'failed';
      response.error_code = 'F400';
      response.error_msg = outcome === 'decline' ? 'Card declined (sandbox)' : '사용자가 결제를 취소하셨습니다';
    }
    return response;
  }

  /** The modal "payment window". `done` gets 'approve', 'decline' or 'close'. */
  function showPaymentWindow(params, done) {
    var t = STRINGS[params.language === 'ko' ? 'ko' : 'en'];
    var id = 'sandbox-iamport-' + ++dialogCount;
    var mobileTarget = isMobile() ? params.m_redirect_url : null;

    var dialog = el('dialog', 'sandbox-iamport');
    if (mobileTarget) dialog.classList.add('sandbox-iamport--mobile');
    dialog.setAttribute('aria-labelledby', id + '-title');
    dialog.setAttribute('aria-describedby', id + '-note');
    if (params.language === 'ko') dialog.setAttribute('lang', 'ko');

    // The dialog opens on its title, so a long window starts at the top on a phone and Enter
    // cannot approve a payment by accident; Tab reaches Approve next.
    var title = el('h2', 'sandbox-iamport__title', t.title);
    title.id = id + '-title';
    title.tabIndex = -1;
    title.autofocus = true;
    var note = el('p', 'sandbox-iamport__note', t.note);
    note.id = id + '-note';
    var amount = el('p', 'sandbox-iamport__amount', formatAmount(params.amount, params.currency, params.language));

    var bypass = params.bypass || {};
    var facts = el('dl', 'sandbox-iamport__facts');
    fact(facts, t.merchant, merchant.tier ? merchant.code + ' · tier ' + merchant.tier : merchant.code);
    fact(facts, t.channel, params.channelKey ? 'channelKey ' + params.channelKey : 'pg ' + params.pg);
    fact(facts, t.order, params.name);
    fact(facts, t.orderId, params.merchant_uid);
    fact(facts, t.amount, params.amount + ' ' + String(params.currency || 'KRW').toUpperCase());
    fact(facts, t.buyer, [params.buyer_name, params.buyer_email && '<' + params.buyer_email + '>', params.buyer_tel]
      .filter(Boolean).join(' ') || t.notSet);
    fact(facts, t.payMethod, params.pay_method || t.notSet);
    fact(facts, t.paymentwall, [
      'widget_code: ' + (bypass.widget_code === 't3_1' ? t.widgetT3 : bypass.widget_code || t.widgetDefault),
      'ps: ' + (bypass.ps || t.psDefault),
      'country_code: ' + (bypass.country_code || t.countryDefault)
    ].join(' · '));
    fact(facts, t.testMode, params.use_test_method ? t.yes : t.no);
    fact(facts, t.billingKey, params.customer_uid ? t.billingSaved + ' ' + params.customer_uid : t.billingNone);
    fact(facts, t.resultTo, mobileTarget ? t.resultRedirect + ' ' + mobileTarget : t.resultCallback);

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
      // Escape closes the dialog with an empty returnValue: that is the buyer closing the window.
      var outcome = dialog.returnValue === 'approve' || dialog.returnValue === 'decline' ? dialog.returnValue : 'close';
      dialog.remove();
      openDialog = null;
      if (returnFocusTo && returnFocusTo.isConnected && typeof returnFocusTo.focus === 'function') {
        returnFocusTo.focus();
      }
      done(outcome);
    }, { once: true });

    document.body.appendChild(dialog);
    openDialog = dialog;
    dialog.showModal();
  }

  /** Navigates to `target` with PortOne's result query; false when `target` is unusable. */
  function redirect(target, response) {
    var url;
    try {
      url = new URL(target, location.href);
    } catch (e) {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      console.error('[sandbox-iamport] m_redirect_url is not an http(s) URL:', target);
      return false;
    }
    RESULT_PARAMS.forEach(function (key) {
      url.searchParams.delete(key);
    });
    url.searchParams.set('imp_uid', response.imp_uid == null ? '' : response.imp_uid);
    url.searchParams.set('merchant_uid', response.merchant_uid == null ? '' : response.merchant_uid);
    if (response.error_code) {
      url.searchParams.set('error_code', response.error_code);
      url.searchParams.set('error_msg', response.error_msg || '');
    }
    location.assign(url.href);
    return true;
  }

  // The real SDK answers after network round trips, never inside request_pay itself.
  function answerLater(callback, response) {
    if (typeof callback !== 'function') return;
    setTimeout(function () {
      callback(response);
    }, 0);
  }

  function isMobile() {
    try {
      return localStorage.getItem(MOBILE_KEY) === '1';
    } catch (e) {
      return false;
    }
  }

  function paidMerchantUids() {
    try {
      var list = JSON.parse(sessionStorage.getItem(PAID_KEY) || '[]');
      return Array.isArray(list) ? list : [];
    } catch (e) {
      return [];
    }
  }

  function rememberPaid(merchantUid) {
    try {
      sessionStorage.setItem(PAID_KEY, JSON.stringify(paidMerchantUids().concat(merchantUid)));
    } catch (e) {
      /* storage blocked: the F1002 check only covers this page */
    }
  }

  function formatAmount(amount, currency, language) {
    var code = String(currency || 'KRW').toUpperCase();
    try {
      return new Intl.NumberFormat(language === 'ko' ? 'ko-KR' : 'en', { style: 'currency', currency: code }).format(amount);
    } catch (e) {
      return amount + ' ' + code;
    }
  }

  function randomDigits(count) {
    var bytes = crypto.getRandomValues(new Uint8Array(count));
    var digits = '';
    for (var i = 0; i < count; i++) digits += String(bytes[i] % 10);
    return digits;
  }

  /** The focused element, looking inside shadow roots (the element's button lives in one). */
  function deepActiveElement() {
    var active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) {
      active = active.shadowRoot.activeElement;
    }
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
