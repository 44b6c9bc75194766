/**
 * The test code (`__tests__/`, `test/`, `apps/api/test/`) against the same rules as the product's code,
 * except folder cycles: a test imports what it tests and the harness boots the whole app, so tests
 * necessarily sit above every folder they exercise. Part of `npm run deps:check`.
 */
const base = require('./.dependency-cruiser.cjs');

module.exports = {
  forbidden: base.forbidden.filter((rule) => rule.name !== 'no-circular-folders'),
  options: { ...base.options, exclude: { path: '(^|/)(dist|generated)/' } },
};
