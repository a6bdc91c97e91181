/** Browser journeys (headless Chromium through the real launch flow): `npm run test:browser`. Build the client first. */
const base = require('./jest.config.js');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  testTimeout: 60000,
  maxWorkers: 1,
};
