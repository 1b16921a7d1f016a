/**
 * The query PortOne appends to `m_redirect_url` when a mobile browser comes back (reference §4):
 * `imp_uid`, `merchant_uid`, and on failure `error_code`/`error_msg` (the 1.3.0 SDK's
 * `code`/`message`); older SDKs add `imp_success` or `success`. With a `redirect-url` that has a
 * `#route` (hash-routed apps), PortOne's query ends up inside the fragment, so it is looked for
 * there too.
 */
export const RESULT_PARAMS = ['imp_uid', 'merchant_uid', 'imp_success', 'success', 'error_code', 'error_msg', 'code', 'message'] as const;

/** PortOne V2's redirect parameters (portone-v2.md §2; txId and transactionType probably). */
export const V2_RESULT_PARAMS = ['paymentId', 'txId', 'transactionType', 'code', 'message', 'pgCode', 'pgMessage'] as const;

/** Both versions' names. */
const ALL_RESULT_PARAMS = [...new Set([...RESULT_PARAMS, ...V2_RESULT_PARAMS])];

/** A V2 result: `paymentId` and more of PortOne's names (a `paymentId` alone may be the page's own). */
const isV2Result = (params: URLSearchParams) => params.has('paymentId') && V2_RESULT_PARAMS.some((name) => name !== 'paymentId' && params.has(name));

export interface RedirectResult {
  merchantUid: string;
  impUid?: string;
  /** PortOne's parameters as they came, and only those. */
  query: Record<string, string>;
}

/**
 * The parameters `names` in `params` as PortOne left them (V1 and V2): PortOne appends its query
 * to the return URL, so where a name repeats, the last value is PortOne's and an earlier one the
 * page's (or a crafted link's).
 */
export function lastValues(params: URLSearchParams, names: readonly string[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of names) {
    const values = params.getAll(name);
    if (values.length > 0) query[name] = values[values.length - 1]!;
  }
  return query;
}

/**
 * PortOne's return carries its result: an `imp_uid`, or a failure (`error_code` or `code`, or
 * `imp_success` / `success` false), beside the `merchant_uid`. A `merchant_uid` alone is the
 * page's own parameter: anyone can link to `?merchant_uid=…`.
 */
function isPortOneReturn(params: URLSearchParams): boolean {
  const { merchant_uid, imp_uid, error_code, code, imp_success, success } = lastValues(params, RESULT_PARAMS);
  return Boolean(merchant_uid) && (Boolean(imp_uid || error_code || code) || imp_success === 'false' || success === 'false');
}

/** Whether `href` names any of PortOne's result parameters (V1's unless told), in its query or its fragment's. */
export function hasResultNames(href: string, names: readonly string[] = RESULT_PARAMS): boolean {
  return resultQueries(href).some((params) => names.some((name) => params.has(name)));
}

/** The query inside a fragment: after its `?`, or after its first `&` when the URL had a `?` already. */
function fragmentQuery(hash: string): { route: string; raw: string; params: URLSearchParams } | undefined {
  let at = hash.indexOf('?');
  if (at === -1) at = hash.indexOf('&');
  if (at === -1) return undefined;
  return { route: hash.slice(0, at + 1), raw: hash.slice(at + 1), params: new URLSearchParams(hash.slice(at + 1)) };
}

/** Where a return's result may be: the query, then the query inside the fragment (a `#route`). */
export function resultQueries(href: string): URLSearchParams[] {
  const url = new URL(href);
  const fragment = fragmentQuery(url.hash);
  return fragment ? [url.searchParams, fragment.params] : [url.searchParams];
}

export function readRedirect(href: string): RedirectResult | undefined {
  const params = resultQueries(href).find(isPortOneReturn);
  if (!params) return undefined;
  const query = lastValues(params, RESULT_PARAMS);
  const merchantUid = query.merchant_uid!;
  const impUid = query.imp_uid;
  return impUid ? { merchantUid, impUid, query } : { merchantUid, query };
}

/**
 * The URL without PortOne's result parameters, from the query or the fragment that holds them;
 * everything else stays, the page's own `merchant_uid` too when it carries no result.
 */
export function withoutResultParams(href: string): string {
  return stripResult(href, RESULT_PARAMS, isPortOneReturn);
}

/**
 * `href` without the parameters `names`, from the query or the fragment query where `isReturn`
 * says a result is (V1 and V2 share this; only their names and tests differ).
 */
export function stripResult(href: string, names: readonly string[], isReturn: (params: URLSearchParams) => boolean): string {
  const url = new URL(href);
  // The pairs named `names` cut from the query as written; the rest stays exactly as it was (a %20
  // does not become a +, a bare `flag` not `flag=`). Undefined when there is no result to cut.
  const strip = (raw: string, params: URLSearchParams) =>
    isReturn(params) && names.some((name) => params.has(name))
      ? raw
          .split('&')
          .filter((pair) => !names.includes(new URLSearchParams(`&${pair}`).keys().next().value ?? ''))
          .join('&')
      : undefined;
  const search = strip(url.search.slice(1), url.searchParams);
  if (search !== undefined) url.search = search;
  const fragment = fragmentQuery(url.hash);
  const rest = fragment && strip(fragment.raw, fragment.params);
  if (rest !== undefined) url.hash = rest ? fragment!.route + rest : fragment!.route.slice(0, -1);
  return url.href;
}

/**
 * The default `m_redirect_url` (V2: `redirectUrl`, with its `names`): this page without a fragment
 * (PortOne appends its query to the URL as given, and a fragment would swallow it) and without any
 * parameter named like PortOne's result. PortOne does not send every name every time (`success`
 * and `imp_success` are deprecated), so one already on the page, from a crafted link say, would be
 * read as its answer. The other version's return, left unread on the page (its widget not shown),
 * goes whole too: the two share `code` and `message`, V2's only failure marks, and an unread V2
 * decline cut of them alone would leave `paymentId` and `pgCode`, read later as a success.
 */
export function returnUrl(href: string, names: readonly string[] = RESULT_PARAMS): string {
  const url = new URL(href);
  url.hash = '';
  const whole = stripResult(url.href, ALL_RESULT_PARAMS, (params) => isPortOneReturn(params) || isV2Result(params));
  return stripResult(whole, names, () => true);
}
