import { css } from 'lit';

/**
 * Neutral by default: text and borders follow the page's color, so the form reads on light and
 * dark pages alike. Constructable stylesheets only: nothing goes into <head>, no style="" strings.
 * Sizes in em, of the text the host inherits, never rem: themes that set the root to 62.5 % (10 px)
 * and their body text back to 1.6rem would otherwise shrink labels to 9 px and controls to 34 px.
 */
export const styles = css`
  :host {
    --_accent: var(--paymentwall-pay-accent, #1d4ed8);
    --_accent-text: var(--paymentwall-pay-accent-text, #ffffff);
    --_radius: var(--paymentwall-pay-radius, 8px);
    --_gap: var(--paymentwall-pay-gap, 0.875em);
    --_error: var(--paymentwall-pay-error, #b3261e);
    --_success: var(--paymentwall-pay-success, #146c2e);
    --_border: var(--paymentwall-pay-border, color-mix(in srgb, currentColor 60%, transparent));
    --_ring: var(--_accent);
    --_field-bg: var(--paymentwall-pay-field-background, transparent);
    display: block;
    font-family: var(--paymentwall-pay-font, inherit);
    color: inherit;
    max-width: var(--paymentwall-pay-max-width, 28em);
  }
  /* On pages that declare a dark color-scheme, a lighter red keeps errors readable. */
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_error: var(--paymentwall-pay-error, light-dark(#b3261e, #ffb4ab));
      --_success: var(--paymentwall-pay-success, light-dark(#146c2e, #6dd58c));
      --_ring: var(--paymentwall-pay-accent, light-dark(#1d4ed8, #8ab4ff));
    }
  }
  :host([hidden]) {
    display: none;
  }
  /* Flex columns, not grid: the same look, gap and stretch (so ::part() themes keep working), and
     about half the layout time with many widgets on a page. */
  form {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: 0;
  }
  /* Boxes that only carry the language and listeners (around the form), or hold the optional
     fields (inside it): the form stays the host's item, its fields the form's, spaced alike. */
  .box,
  .more {
    display: contents;
  }
  /* Korean lines break between words, as Korean is written, not inside one (입 / 력해). */
  :lang(ko) {
    word-break: keep-all;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
    font-size: 0.9375em;
  }
  .optional,
  .hint {
    font-weight: 400;
    font-size: 0.8125em;
  }
  /* Inside the label, whose 0.9375em it would take again: 13/16 of the host's text, as the hint. */
  .optional {
    font-size: calc(13em / 15);
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--_field-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.625em 0.75em;
    min-height: 2.75em;
    box-sizing: border-box;
    width: 100%;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .error {
    color: var(--_error);
    font-size: 0.875em;
  }
  .error:empty {
    display: none;
  }
  button {
    font: inherit;
    font-weight: 600;
    color: var(--_accent-text);
    background: var(--_accent);
    border: 0;
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    min-height: 2.75em;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  /* Forced colors (Windows high contrast) drop the button's background: a border in its text color
     keeps its shape, and a disabled one is drawn as disabled rather than faded. */
  @media (forced-colors: active) {
    button {
      border: 1px solid;
    }
    button:disabled {
      color: GrayText;
      opacity: 1;
    }
  }
  button[aria-busy='true'] {
    cursor: progress;
    opacity: 1;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-right-color: currentColor;
      opacity: 0.6;
    }
  }
  .note {
    margin: 0;
    font-size: 0.875em;
  }
  /* The status line's first line is always there, empty or not, so the widget never jumps when a
     result appears. */
  /* PortOne's or the PG's reason may be one long word (a code, a URL): it wraps inside the widget. */
  .status {
    margin: 0;
    font-size: 0.9375em;
    line-height: 1.5;
    min-height: 1.5em;
    overflow-wrap: anywhere;
  }
  /* Inside the status line's 0.9375em: 14/16 of the host's text. */
  .pg-detail {
    display: block;
    font-size: calc(14em / 15);
  }
  .status[data-kind='fail'] {
    color: var(--_error);
  }
  .status[data-kind='success'] {
    color: var(--_success);
    font-weight: 600;
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin-top: 0.125em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  /* Its lines name attributes and functions, long words that wrap inside the box at 320 px. */
  .config-error {
    overflow-wrap: anywhere;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    margin-bottom: var(--_gap);
  }
  .config-error p {
    margin: 0 0 0.5em;
    font-weight: 600;
  }
  .config-error ul {
    margin: 0;
    padding-left: 1.25em;
  }
`;
