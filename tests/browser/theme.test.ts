import { describe } from 'vitest';
import { describeThemeAndAddress } from './support/room-suite.ts';
import { useSharedBrowser } from './support/shared-browser.ts';

describe('the theme switch and the slides’ address in Chromium', () => {
  describeThemeAndAddress(useSharedBrowser());
});
