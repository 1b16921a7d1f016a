const formats = new Map<string, Intl.NumberFormat>();

/**
 * `₩1,004`, `$20.00`: the amount as the buyer's language writes money in that currency, with the
 * currency's own decimals or, given `digits`, exactly that many (V2's minor units). One formatter
 * per language, currency and digits, made once. `amount` may be decimal text, such as "1.50".
 */
export function formatAmount(amount: number | string, currency: string, lang: string, digits?: number): string {
  const key = `${lang}|${currency}|${digits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, digits === undefined ? { style: 'currency', currency } : { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  // Decimal text is formatted exactly (Intl.NumberFormat v3), or read as a number by older engines.
  return format.format(amount as number);
}
