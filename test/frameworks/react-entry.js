// Pre-bundled by web-test-runner.config.mjs: React ships CommonJS only, which the test server
// cannot import as ES modules.
export { createElement, useState } from 'react';
export { createRoot } from 'react-dom/client';
export { flushSync } from 'react-dom';
