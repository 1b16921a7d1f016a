/**
 * The query PortOne appends to `m_redirect_url` when a mobile browser comes back (reference §4):
 * `imp_uid`, `merchant_uid`, and on failure `error_code`/`error_msg`; older SDKs add
 * `imp_success` or `success`.
 */
export const RESULT_PARAMS = ['imp_uid', 'merchant_uid', 'imp_success', 'success', 'error_code', 'error_msg'] as const;

export interface RedirectResult {
  merchantUid: string;
  impUid?: string;
  /** PortOne's parameters as they came, and only those. */
  query: Record<string, string>;
}

export function readRedirect(search: string): RedirectResult | undefined {
  const params = new URLSearchParams(search);
  const merchantUid = params.get('merchant_uid');
  if (!merchantUid) return undefined;
  const query: Record<string, string> = {};
  for (const name of RESULT_PARAMS) {
    const value = params.get(name);
    if (value !== null) query[name] = value;
  }
  const impUid = params.get('imp_uid');
  return impUid ? { merchantUid, impUid, query } : { merchantUid, query };
}

/** The URL without PortOne's result parameters; everything else, hash included, stays. */
export function withoutResultParams(href: string): string {
  const url = new URL(href);
  for (const name of RESULT_PARAMS) url.searchParams.delete(name);
  return url.href;
}

/**
 * The default `m_redirect_url`: this page without a fragment (PortOne appends its query to the
 * URL as given, and after a `#` it would never reach `location.search`) and without the result
 * of an earlier return.
 */
export function returnUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.searchParams.has('merchant_uid') ? withoutResultParams(url.href) : url.href;
}
