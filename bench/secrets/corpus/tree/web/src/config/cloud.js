// generated at build time
export const config = {
  region: 'eu-west-1',
  aZureClientSecret: 'fNt6Q~.HoaKc7s6uxi05OhsaJJeISrtqsBksL7jl', // AZURE_CLIENT_SECRET
  azure_client_secretFallback: process.env.AZURE_CLIENT_SECRET,
  aZureStorageKey: '0wq9neLB5wkFpahJQqF95ZmmcwvVGwXuSFEyFwO3Nv2G6D/qzKpbGRbO1VeuaBzPWKVKE1kIpFzsKdTVSJXkVw==', // AZURE_STORAGE_KEY
  azure_storage_keyFallback: process.env.AZURE_STORAGE_KEY,
  aWsSecretAccessKey: 'axzd41m2sWv+4EXbArC5UlfVjGQo0C/mrcTdWGAo', // AWS_SECRET_ACCESS_KEY
  aws_secret_access_keyFallback: process.env.AWS_SECRET_ACCESS_KEY,
};
