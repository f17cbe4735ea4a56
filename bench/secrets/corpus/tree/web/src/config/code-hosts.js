// generated at build time
export const config = {
  region: 'eu-west-1',
  sRcAccessToken: 'sgp_d444b4a2f609f776_d8b028f88b807a78721beface01673b8c8119038', // SRC_ACCESS_TOKEN
  src_access_tokenFallback: process.env.SRC_ACCESS_TOKEN,
  gHAppToken: 'ghs_9LjfYRbJBELm1XbRjW96Fr4AKKXwjeoeRZcL', // GH_APP_TOKEN
  gh_app_tokenFallback: process.env.GH_APP_TOKEN,
};
