// The CDN file: one script with Lit inlined (its production build, the default export
// condition), minified, as an IIFE so it runs as a classic <script src> and as type="module".
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

export default {
  input: 'dist/cdn.js',
  output: {
    file: 'dist/paymentwall-pay.min.js',
    format: 'iife',
    sourcemap: true,
    // Exports stay off window: the element registers itself, and a global would clash
    // between two copies on one page.
    exports: 'none',
  },
  onwarn(warning, warn) {
    // TypeScript's decorator helper reads `this` at module level; undefined there is fine.
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
  plugins: [
    // Whitespace inside html`` and css`` literals is bytes terser cannot see; this strips it.
    // Conservatively: runs become one space but never none, so "Phone (optional)" keeps its
    // space where a template starts or ends with one.
    minifyHTML({ options: { minifyOptions: { conservativeCollapse: true } } }),
    nodeResolve({ browser: true }),
    terser({ ecma: 2020, module: false, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
