/**
 * `target[name]` as the platform defines it, a method bound to `target`. Any element that names
 * itself so shadows a document's own property of that name, methods included: injected HTML such
 * as `<img name="createElement">` or `<form name="body">` (DOM clobbering). Read from the
 * prototype, it is out of the page's HTML's reach.
 */
export function unclobbered<T extends object, K extends keyof T>(target: T, name: K): T[K] {
  const value = Reflect.get(Object.getPrototypeOf(target) as object, name, target) as unknown;
  return (typeof value === 'function' ? value.bind(target) : value) as T[K];
}
