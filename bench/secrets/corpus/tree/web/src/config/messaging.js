// generated at build time
export const config = {
  region: 'eu-west-1',
  bRevoApiKey: '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', // BREVO_API_KEY
  brevo_api_keyFallback: process.env.BREVO_API_KEY,
  tEamsWebhookUrl: 'https://g2m51t5tf.webhook.office.com/webhookb2/78e16c22-6bbe-e057-9be4-8823646d5f38@2fb7725b-9d3b-f8d0-626d-795d13fb288a/IncomingWebhook/810308c0a16387f5eaeeee607597233d/bef0548e-a048-c630-22bb-7217d444dc67', // TEAMS_WEBHOOK_URL
  teams_webhook_urlFallback: process.env.TEAMS_WEBHOOK_URL,
};
