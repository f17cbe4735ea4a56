// generated at build time
export const config = {
  region: 'eu-west-1',
  bRaintreeAccessToken: 'access_token$production$xltc8yii11eqpfd0$defa7ef88836183880f61ede1c7edb33', // BRAINTREE_ACCESS_TOKEN
  braintree_access_tokenFallback: process.env.BRAINTREE_ACCESS_TOKEN,
  sQuareAppSecret: 'sq0csp-d5bL8Mk7RE28nS4qlO5de1DE-unm5PrTeAmv0JGAwja', // SQUARE_APP_SECRET
  square_app_secretFallback: process.env.SQUARE_APP_SECRET,
};
