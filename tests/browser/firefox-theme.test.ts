import { describe } from 'vitest';
import { firefoxAvailable, useSharedFirefox } from './support/firefox.ts';
import { describeThemeAndAddress } from './support/room-suite.ts';

const available = firefoxAvailable(
  'Firefox browser tests: theme switch and the slides’ address (tests/browser/firefox-theme.test.ts)',
);

describe.skipIf(!available)('the theme switch and the slides’ address in Firefox', () => {
  describeThemeAndAddress(useSharedFirefox());
});
