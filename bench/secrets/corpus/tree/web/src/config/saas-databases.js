// generated at build time
export const config = {
  region: 'eu-west-1',
  lInearApiKey: 'lin_api_mvFchyNiOKBLkxWFVkFHVxu1vAU5GimTtBdVaev5', // LINEAR_API_KEY
  linear_api_keyFallback: process.env.LINEAR_API_KEY,
  hUbspotToken: 'pat-dp1-b7c4e143-a3c4-cafc-bd82-3044e2400bf2', // HUBSPOT_TOKEN
  hubspot_tokenFallback: process.env.HUBSPOT_TOKEN,
  aUth0ClientSecret: 'hwgq8GaDiBBOSBNhdfVnBqbgsqUh4BXWNSekxqL58ZtVyKPVdj1hS2nVzgemoNwW', // AUTH0_CLIENT_SECRET
  auth0_client_secretFallback: process.env.AUTH0_CLIENT_SECRET,
};
