// The test pages under test/fixtures/cdn/, opened in a frame of the test page.
import { waitUntil } from './page.js';

export interface PageWindow extends Omit<Window, 'IMP'> {
  __events: Array<{ type: string; id: string; detail: Record<string, unknown> }>;
  __violations: string[];
  __errors: string[];
  /** console.error lines, on the pages that record them. */
  __consoleErrors?: string[];
  __npmCopyIsSeparate?: boolean;
  __atLoad?: { sdkTags: number; imp: boolean };
  IMP?: { inits: string[]; requests: Array<Record<string, unknown>> };
}

/**
 * Opens a test page in an iframe, by its path or as a `srcdoc` page (a page builder's preview;
 * `hidden`, no widget is seen), and resolves once its widgets have rendered.
 */
export async function openPage(
  page: string | { srcdoc: string; hidden?: boolean },
  widgets = 1,
  sandbox?: string,
): Promise<{ frame: HTMLIFrameElement; win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  if (typeof page === 'string') frame.src = page;
  else {
    frame.srcdoc = page.srcdoc;
    if (page.hidden) frame.style.display = 'none';
  }
  frame.width = '800';
  frame.height = '900';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  const doc = frame.contentDocument!;
  await waitUntil(
    () => Array.from(doc.querySelectorAll('[id$="widget"]')).filter((el) => el.shadowRoot?.querySelector('button')).length === widgets,
    `${typeof page === 'string' ? page : 'a srcdoc page'}: widgets rendered`,
  );
  return { frame, win, doc };
}
