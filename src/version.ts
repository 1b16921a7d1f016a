/** Kept in step with package.json by scripts/build.mjs, which fails the build when they differ. */
export const VERSION = '0.1.0';
