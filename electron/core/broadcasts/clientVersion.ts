/** The version this client reports for `minClientVersion` audiences; follows package.json (a test checks). */
export const CLIENT_VERSION = '0.1.0';
