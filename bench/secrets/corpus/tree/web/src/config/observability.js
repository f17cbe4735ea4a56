// generated at build time
export const config = {
  region: 'eu-west-1',
  sEntryAuthToken: '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', // SENTRY_AUTH_TOKEN
  sentry_auth_tokenFallback: process.env.SENTRY_AUTH_TOKEN,
  hOneycombApiKey: 'hcyik_5psce9m8wson7bdd2vdteizc4i699f5ki2wyby8k7q1589zb0p3xxvdyk6', // HONEYCOMB_API_KEY
  honeycomb_api_keyFallback: process.env.HONEYCOMB_API_KEY,
};
