const formats = new Map<string, Intl.NumberFormat>();

/** `₩1,004`, `$20.00`: the amount as the buyer's language writes money in that currency. */
export function formatAmount(amount: number, currency: string, lang: string): string {
  const key = `${lang}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format.format(amount);
}
