// generated at build time
export const config = {
  region: 'eu-west-1',
  pPlxApiKey: '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', // PPLX_API_KEY
  pplx_api_keyFallback: process.env.PPLX_API_KEY,
  cOhereApiKey: 'ES8u7VcRfsPgOjZ33lwdKghObtjrkE1KOtRxHmId', // COHERE_API_KEY
  cohere_api_keyFallback: process.env.COHERE_API_KEY,
};
