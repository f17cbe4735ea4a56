// generated at build time
export const config = {
  region: 'eu-west-1',
  aRtifactoryApiKey: 'AKCpUi6Y5W9NdWNm1349wjqubzOuu9pRoWSDzxeSQP5aPjBBvQKdXcxu03GnGtfJX0g7ERW91', // ARTIFACTORY_API_KEY
  artifactory_api_keyFallback: process.env.ARTIFACTORY_API_KEY,
  dOpplerToken: 'dp.st.GrAjcXmBFJ5VYggzYFivUnlMhwp4P3S.HBUowqbe0o2bNHRz9Ek22mij1l3PbI67hZUhFOZcn', // DOPPLER_TOKEN
  doppler_tokenFallback: process.env.DOPPLER_TOKEN,
  bUildkiteApiToken: 'bkua_45a660f9e8222c84f0ac61c9dd09caf1b1501ef4', // BUILDKITE_API_TOKEN
  buildkite_api_tokenFallback: process.env.BUILDKITE_API_TOKEN,
};
