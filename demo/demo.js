// Demo page glue. Loaded as a classic script at the end of <body>, before the element's own
// script: the widgets are parsed but not yet upgraded, so the sdk-src rewrite below happens before
// any widget can load an SDK, and the event listeners exist before DOMContentLoaded (the element
// reports a mobile-redirect return after it). It never writes innerHTML: the page runs under
// Trusted Types.
(function () {
  'use strict';

  var REAL_SDK_URL = 'https://cdn.iamport.kr/v1/iamport.js';
  var MOBILE_KEY = 'sandbox-mobile'; // read by demo/sandbox-iamport.js and demo/sandbox-portone.js
  var LOG_KEY = 'paymentwall-pay-demo:log';
  var ACCOUNT_KEY = 'paymentwall-pay-demo:account';
  var ACCOUNT_FIELDS = ['impCode', 'channelKey', 'storeId', 'channelKeyV2']; // the account form's input names
  var LOG_LIMIT = 50;
  var EVENTS = ['pay-request', 'pay-success', 'pay-fail'];
  var SNIPPET_HIDDEN_ATTRIBUTES = ['id', 'sdk-src']; // demo plumbing, not part of the pasted tag

  var realSdk = new URLSearchParams(location.search).get('sdk') === 'real';
  var widgets = Array.prototype.slice.call(document.querySelectorAll('paymentwall-pay'));

  // 1. Snippets first, from the markup as authored (before the element upgrades and before the
  //    real-SDK mode changes attributes).
  document.querySelectorAll('.scenario').forEach(showSnippet);

  // 2. Which SDK the widgets load. The sandbox stand-ins are served from this site, which the element
  //    accepts only with the page's JavaScript opt-in (an sdk-src attribute alone cannot choose it):
  //    these two scripts, not the whole site.
  customElements.whenDefined('paymentwall-pay').then(function (PaymentwallPay) {
    PaymentwallPay.allowSdkOrigin('/demo/sandbox-iamport.js');
    PaymentwallPay.allowSdkOrigin('/demo/sandbox-portone.js');
  });
  if (realSdk) {
    widgets.forEach(function (widget) {
      // V2 widgets (store-id) load PortOne's V2 SDK, their default, when sdk-src is left out.
      if (widget.hasAttribute('store-id')) widget.removeAttribute('sdk-src');
      else widget.setAttribute('sdk-src', REAL_SDK_URL);
    });
    applyAccount(readJson('localStorage', ACCOUNT_KEY));
  }
  setUpSwitches();
  setUpAccountForm();

  // 3. The event log.
  var logList = document.getElementById('event-log');
  var entries = readJson('sessionStorage', LOG_KEY) || [];
  // After a mobile redirect the earlier events come from the previous page: mark the boundary.
  if (entries.length) entries.unshift({ divider: 'New page load at ' + timeOfDay(new Date()) });
  renderLog();
  showEarlierEvents();
  EVENTS.forEach(function (type) {
    document.addEventListener(type, logEvent, true);
  });
  // Back from a phone payment the page opens at the top; the result is shown by a widget further
  // down. Bring that widget into view.
  ['pay-success', 'pay-fail'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.detail && event.detail.via === 'redirect') event.target.scrollIntoView({ block: 'center' });
    });
  });
  // Back to this page from the back/forward cache (after a phone payment's return page, say):
  // the events logged on the pages since are in storage, not in this page's copy.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) return;
    entries = readJson('sessionStorage', LOG_KEY) || [];
    if (entries.length) entries.unshift({ divider: 'Back to this page at ' + timeOfDay(new Date()) });
    renderLog();
  });
  document.getElementById('log-clear').addEventListener('click', function () {
    document.querySelectorAll('.last-event').forEach(function (line) {
      line.remove();
    });
    entries = [];
    saveLog();
    renderLog();
  });

  document.addEventListener('DOMContentLoaded', function () {
    // The element's script comes right after this one; if it is missing, say how to build it.
    if (!customElements.get('paymentwall-pay')) {
      document.getElementById('build-missing').hidden = false;
    }
  });

  function setUpSwitches() {
    var realSwitch = document.getElementById('switch-real-sdk');
    var mobileSwitch = document.getElementById('switch-mobile');
    realSwitch.checked = realSdk;
    realSwitch.addEventListener('change', function () {
      var url = new URL(location.href);
      if (realSwitch.checked) url.searchParams.set('sdk', 'real');
      else url.searchParams.delete('sdk');
      location.assign(url.href);
    });

    mobileSwitch.checked = storageGet('localStorage', MOBILE_KEY) === '1';
    mobileSwitch.disabled = realSdk;
    mobileSwitch.addEventListener('change', function () {
      if (mobileSwitch.checked) storageSet('localStorage', MOBILE_KEY, '1');
      else storageSet('localStorage', MOBILE_KEY, null);
    });

    document.getElementById('real-sdk-note').hidden = !realSdk;
  }

  // Real-SDK mode: the page author's own imp-code and channel-key, kept in this browser only.
  function setUpAccountForm() {
    var form = document.getElementById('account-form');
    var account = readJson('localStorage', ACCOUNT_KEY);
    if (account) {
      ACCOUNT_FIELDS.forEach(function (name) {
        form.elements[name].value = account[name] || '';
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var next = {};
      ACCOUNT_FIELDS.forEach(function (name) {
        next[name] = form.elements[name].value.trim();
      });
      storageSet('localStorage', ACCOUNT_KEY, JSON.stringify(next));
      applyAccount(next);
      var set = [];
      if (next.impCode || next.channelKey) set.push('every V1 widget (the legacy project-key card keeps its placeholder project key)');
      if (next.storeId || next.channelKeyV2) set.push('the two PortOne V2 cards');
      document.getElementById('account-status').textContent = set.length
        ? 'Set on ' + set.join(' and ') + '. Empty fields keep the placeholders.'
        : 'Nothing entered: every widget keeps its placeholders.';
    });
    // A submit the browser refused (a field in the wrong format) saved nothing: the last line no longer holds.
    form.addEventListener(
      'invalid',
      function () {
        document.getElementById('account-status').textContent = '';
      },
      true,
    );
  }

  function applyAccount(account) {
    if (!account) return;
    widgets.forEach(function (widget) {
      if (widget.hasAttribute('store-id')) {
        if (account.storeId) widget.setAttribute('store-id', account.storeId);
        if (account.channelKeyV2) widget.setAttribute('channel-key', account.channelKeyV2);
        return;
      }
      if (account.impCode) widget.setAttribute('imp-code', account.impCode);
      if (account.channelKey && widget.hasAttribute('channel-key')) widget.setAttribute('channel-key', account.channelKey);
    });
  }

  function showSnippet(scenario) {
    var code = scenario.querySelector('.snippet:not(.snippet--css) code');
    if (!code) return;
    var tags = Array.prototype.map.call(scenario.querySelectorAll('paymentwall-pay'), serialiseTag);
    var text = tags.join('\n\n');
    code.textContent = text;

    var pre = code.parentElement;
    var title = scenario.querySelector('h2').textContent;
    pre.setAttribute('aria-label', 'Tag for ' + title);

    var copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'button-quiet snippet-copy';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', 'Copy the tag for ' + title);
    copy.addEventListener('click', function () {
      copyText(text, copy);
    });
    pre.insertAdjacentElement('afterend', copy);
  }

  /** The element's tag as a page author pastes it: one attribute a line, slot content indented. */
  function serialiseTag(widget) {
    var lines = ['<paymentwall-pay'];
    Array.prototype.forEach.call(widget.attributes, function (attribute) {
      if (SNIPPET_HIDDEN_ATTRIBUTES.indexOf(attribute.name) !== -1) return;
      lines.push('  ' + attribute.name + (attribute.value === '' ? '' : '="' + escapeAttribute(attribute.value) + '"'));
    });
    lines[lines.length - 1] += '>';
    dedent(widget.innerHTML).forEach(function (line) {
      lines.push('  ' + line);
    });
    lines.push('</paymentwall-pay>');
    return lines.join('\n');
  }

  function dedent(html) {
    var lines = html.split('\n').filter(function (line) {
      return line.trim() !== '';
    });
    var indent = Math.min.apply(null, lines.map(function (line) {
      return line.match(/^\s*/)[0].length;
    }));
    return lines.map(function (line) {
      return line.slice(indent);
    });
  }

  function escapeAttribute(value) {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  }

  function copyText(text, button) {
    var status = document.getElementById('copy-status');
    var done = function (message) {
      button.textContent = message;
      status.textContent = message;
      setTimeout(function () {
        button.textContent = 'Copy';
      }, 1500);
    };
    if (!navigator.clipboard) return done('Copy failed');
    navigator.clipboard.writeText(text).then(
      function () {
        done('Copied');
      },
      function () {
        done('Copy failed');
      }
    );
  }

  function logEvent(event) {
    var widget = event.target;
    var scenario = widget.closest && widget.closest('.scenario');
    var heading = scenario && scenario.querySelector('h2');
    var detail = event.detail || {};
    entries.unshift({
      type: event.type,
      widget: widget.id || null,
      source: (heading ? heading.textContent : 'widget') + (widget.id ? ' (#' + widget.id + ')' : ''),
      via: detail.via || null,
      code: detail.code || null,
      time: timeOfDay(new Date()),
      json: toJson(detail)
    });
    entries = entries.slice(0, LOG_LIMIT);
    saveLog();
    renderLog();
    showLastEvent(widget, entries[0], false);
  }

  // What the widgets reported on the pages before this one (a phone's redirect), oldest first, so
  // each card ends with its widget's latest.
  function showEarlierEvents() {
    entries.slice().reverse().forEach(function (entry) {
      var widget = entry.widget && document.getElementById(entry.widget);
      if (widget) showLastEvent(widget, entry, true);
    });
  }

  // On a phone the log is after all the cards: each card says what each of its widgets last
  // reported, with a link down to the detail. (Not a live region: the log already announces it.)
  function showLastEvent(widget, entry, earlier) {
    var stage = widget.closest && widget.closest('.stage');
    if (!stage || !widget.id) return;
    var lines = Array.prototype.slice.call(stage.parentNode.querySelectorAll(':scope > .last-event'));
    var line = lines.filter(function (found) {
      return found.dataset.widget === widget.id;
    })[0];
    if (!line) {
      line = document.createElement('p');
      line.dataset.widget = widget.id;
      (lines[lines.length - 1] || stage).after(line);
    }
    var several = stage.querySelectorAll('paymentwall-pay').length > 1;
    var link = document.createElement('a');
    link.href = '#log-title';
    link.textContent = 'detail in the event log';
    line.className = 'last-event last-event--' + entry.type;
    line.replaceChildren(
      'Last event' + (several ? ' (#' + widget.id + ')' : '') + ': ',
      span('last-event__type', entry.type),
      (entry.via ? ' via ' + entry.via : '') + (entry.code ? ', ' + entry.code : '') + ' at ' + entry.time + (earlier ? ', on an earlier page load' : '') + ' (',
      link,
      ')'
    );
  }

  function renderLog() {
    var items = entries.map(function (entry) {
      var item = document.createElement('li');
      if (entry.divider) {
        item.className = 'log__divider';
        item.textContent = entry.divider;
        return item;
      }
      item.className = 'log__entry log__entry--' + entry.type;
      var head = document.createElement('p');
      head.className = 'log__head';
      head.append(
        span('log__type', entry.type),
        span('log__source', entry.source),
        entry.via ? span('log__badge', 'via ' + entry.via) : '',
        entry.code ? span('log__badge', entry.code) : '',
        span('log__time', entry.time)
      );
      var body = document.createElement('pre');
      body.className = 'log__detail';
      body.textContent = entry.json;
      item.append(head, body);
      return item;
    });
    if (!items.length) {
      var empty = document.createElement('li');
      empty.className = 'log__empty';
      empty.textContent = 'No events yet. Pay with any widget.';
      items.push(empty);
    }
    logList.replaceChildren.apply(logList, items);
  }

  function saveLog() {
    storageSet('sessionStorage', LOG_KEY, JSON.stringify(entries));
  }

  function span(className, text) {
    var node = document.createElement('span');
    node.className = className;
    node.textContent = text;
    return node;
  }

  function toJson(value) {
    try {
      return JSON.stringify(value, null, 2);
    } catch (error) {
      return String(value);
    }
  }

  function timeOfDay(date) {
    return date.toLocaleTimeString('en-GB', { hour12: false });
  }

  function readJson(storageName, key) {
    try {
      return JSON.parse(storageGet(storageName, key) || 'null');
    } catch (error) {
      return null;
    }
  }

  // Storage can be blocked (even reading window.localStorage can throw); the demo then forgets.
  function storageGet(storageName, key) {
    try {
      return window[storageName].getItem(key);
    } catch (error) {
      return null;
    }
  }

  function storageSet(storageName, key, value) {
    try {
      if (value === null) window[storageName].removeItem(key);
      else window[storageName].setItem(key, value);
    } catch (error) {
      /* ignore */
    }
  }
})();
