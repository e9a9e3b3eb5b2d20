/**
 * How the browser tests start Chromium: Debian's `chromium` (or CHROMIUM_PATH),
 * headless, with nothing of its own reaching the network, so a test that
 * counts connections sees only what the page under test makes.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
