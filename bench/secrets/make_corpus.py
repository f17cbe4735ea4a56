"""Writes the labelled accuracy corpus ``bench/secrets/corpus/`` and its ``labels.json``.

Why generated: the planted secrets must be random (never real credentials) yet in the providers'
real formats, and each must be labelled with its exact lines; generating both from one seeded
script keeps labels and files in step. The corpus is realistic code and configuration (settings
modules, .env files, Kubernetes and Terraform files, CI workflows, lock files, docs, a minified
bundle) with planted secrets and decoys (placeholders, environment references, documented example
keys, integrity hashes, identifiers, commit ids, UUIDs). Run:

    python bench/secrets/make_corpus.py
"""

from __future__ import annotations

import base64
import json
import random
import shutil
import string
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_rules import RULES, body_sample  # noqa: E402

OUT = Path(__file__).resolve().parent / "corpus"
RNG = random.Random(424242)
BY_ID = {r["id"]: r for r in RULES}
ALNUM = string.ascii_letters + string.digits


def rand(n: int, alphabet: str = ALNUM) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def token(rule_id: str) -> str:
    return body_sample(BY_ID[rule_id]["body"], RNG)


class Corpus:
    def __init__(self) -> None:
        self.files: dict[str, list[str]] = {}
        self.secrets: list[dict] = []
        self.decoys: list[dict] = []

    def line(self, path: str, text: str, *, secret: tuple[str, str] | None = None, decoy: tuple[str, str] | None = None) -> None:
        lines = self.files.setdefault(path, [])
        start = len(lines) + 1
        lines.extend(text.split("\n"))
        end = len(lines)
        if secret:
            self.secrets.append({"file": path, "start": start, "end": end, "family": secret[0], "what": secret[1]})
        if decoy:
            self.decoys.append({"file": path, "start": start, "end": end, "family": decoy[0], "what": decoy[1]})

    def write(self) -> None:
        if OUT.exists():
            shutil.rmtree(OUT)
        for path, lines in self.files.items():
            target = OUT / "tree" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        labels = {"secrets": self.secrets, "decoys": self.decoys}
        (OUT / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
        print(f"{len(self.files)} files, {len(self.secrets)} secrets, {len(self.decoys)} decoys")


C = Corpus()

# Provider secrets by family: (rule id in make_rules or None, variable name, value factory).
PROVIDERS: dict[str, list[tuple[str, str]]] = {
    "cloud": [
        ("google-oauth-client-secret", "GOOGLE_CLIENT_SECRET"), ("digitalocean-pat", "DIGITALOCEAN_TOKEN"),
        ("alibaba-access-key-id", "ALIBABA_CLOUD_ACCESS_KEY_ID"), ("azure-ad-client-secret", "AZURE_CLIENT_SECRET"),
        ("heroku-api-key-v2", "HEROKU_API_KEY"), ("flyio-access-token", "FLY_API_TOKEN"),
        ("tencent-cloud-secret-id", "TENCENTCLOUD_SECRET_ID"), ("azure-storage-account-key", "AZURE_STORAGE_KEY"),
        ("cloudflare-api-token", "CLOUDFLARE_API_TOKEN"), ("linode-token", "LINODE_TOKEN"),
    ],
    "code-hosts": [
        ("gitlab-deploy-token", "GITLAB_DEPLOY_TOKEN"), ("gitlab-runner-token", "RUNNER_TOKEN"),
        ("bitbucket-app-password", "BITBUCKET_APP_PASSWORD"), ("sourcegraph-access-token", "SRC_ACCESS_TOKEN"),
        ("gitlab-pipeline-trigger-token", "TRIGGER_TOKEN"), ("gitea-access-token", "GITEA_TOKEN"),
    ],
    "ci-registries": [
        ("dockerhub-pat", "DOCKERHUB_TOKEN"), ("rubygems-api-key", "GEM_HOST_API_KEY"), ("nuget-api-key", "NUGET_API_KEY"),
        ("jfrog-api-key", "ARTIFACTORY_API_KEY"), ("terraform-cloud-token", "TFE_TOKEN"), ("vault-service-token", "VAULT_TOKEN"),
        ("pulumi-access-token", "PULUMI_ACCESS_TOKEN"), ("doppler-service-token", "DOPPLER_TOKEN"),
        ("sonarqube-user-token", "SONAR_TOKEN"), ("circleci-pat", "CIRCLECI_TOKEN"), ("postman-api-key", "POSTMAN_API_KEY"),
        ("buildkite-api-token", "BUILDKITE_API_TOKEN"),
    ],
    "payments": [
        ("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET"), ("square-access-token", "SQUARE_ACCESS_TOKEN"),
        ("shopify-access-token", "SHOPIFY_ADMIN_TOKEN"), ("braintree-access-token", "BRAINTREE_ACCESS_TOKEN"),
        ("flutterwave-secret-key", "FLW_SECRET_KEY"), ("plaid-access-token", "PLAID_ACCESS_TOKEN"),
        ("easypost-api-key", "EASYPOST_API_KEY"), ("square-oauth-secret", "SQUARE_APP_SECRET"),
    ],
    "messaging": [
        ("slack-app-token", "SLACK_APP_TOKEN"), ("telegram-bot-token", "TELEGRAM_BOT_TOKEN"),
        ("twilio-auth-token", "TWILIO_AUTH_TOKEN"), ("sendinblue-api-key", "BREVO_API_KEY"),
        ("mailgun-api-key", "MAILGUN_API_KEY"), ("mailchimp-api-key", "MAILCHIMP_API_KEY"),
        ("discord-webhook-url", "DISCORD_WEBHOOK"), ("microsoft-teams-webhook", "TEAMS_WEBHOOK_URL"),
        ("postmark-server-token", "POSTMARK_SERVER_TOKEN"),
    ],
    "ai": [
        ("huggingface-access-token", "HF_TOKEN"), ("replicate-api-token", "REPLICATE_API_TOKEN"),
        ("groq-api-key", "GROQ_API_KEY"), ("perplexity-api-key", "PPLX_API_KEY"), ("xai-api-key", "XAI_API_KEY"),
        ("langsmith-api-key", "LANGSMITH_API_KEY"), ("openrouter-api-key", "OPENROUTER_API_KEY"),
        ("cohere-api-key", "COHERE_API_KEY"), ("pinecone-api-key", "PINECONE_API_KEY"),
    ],
    "observability": [
        ("datadog-api-key", "DD_API_KEY"), ("newrelic-user-api-key", "NEW_RELIC_API_KEY"),
        ("newrelic-license-key", "NEW_RELIC_LICENSE_KEY"), ("sentry-user-token", "SENTRY_AUTH_TOKEN"),
        ("grafana-service-account-token", "GRAFANA_TOKEN"), ("grafana-cloud-api-token", "GRAFANA_CLOUD_TOKEN"),
        ("dynatrace-api-token", "DT_API_TOKEN"), ("honeycomb-api-key", "HONEYCOMB_API_KEY"),
    ],
    "saas-databases": [
        ("supabase-access-token", "SUPABASE_ACCESS_TOKEN"), ("planetscale-password", "PLANETSCALE_PASSWORD"),
        ("notion-api-token", "NOTION_TOKEN"), ("linear-api-key", "LINEAR_API_KEY"), ("okta-api-token", "OKTA_API_TOKEN"),
        ("atlassian-api-token", "JIRA_API_TOKEN"), ("databricks-token", "DATABRICKS_TOKEN"),
        ("hubspot-private-app-token", "HUBSPOT_TOKEN"), ("figma-pat", "FIGMA_TOKEN"), ("neon-api-key", "NEON_API_KEY"),
        ("age-secret-key", "SOPS_AGE_KEY"), ("auth0-client-secret", "AUTH0_CLIENT_SECRET"),
    ],
}  # fmt: skip

# Extra secrets in formats the packaged core rules cover (values made here, not generated from rules).
def aws_key_id() -> str:
    return "AKIA" + rand(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def core_secrets() -> dict[str, list[tuple[str, str]]]:
    return {
        "cloud": [("AWS_ACCESS_KEY_ID", aws_key_id()), ("AWS_SECRET_ACCESS_KEY", rand(40, ALNUM + "/+")),
                  ("GOOGLE_MAPS_KEY", "AIza" + rand(35, ALNUM + "_-"))],
        "code-hosts": [("GITHUB_TOKEN", "ghp_" + rand(36)), ("GH_APP_TOKEN", "ghs_" + rand(36)),
                       ("GITLAB_TOKEN", "glpat-" + rand(20, ALNUM + "_-"))],
        "ci-registries": [("NPM_TOKEN", "npm_" + rand(36)), ("PYPI_TOKEN", "pypi-AgEIcHlwaS5vcmc" + rand(70, ALNUM + "_-"))],
        "payments": [("STRIPE_SECRET_KEY", "sk_live_" + rand(24))],
        "messaging": [("SLACK_BOT_TOKEN", f"xoxb-{rand(12, string.digits)}-{rand(13, string.digits)}-{rand(24)}"),
                      ("SENDGRID_API_KEY", "SG." + rand(22, ALNUM + "_-") + "." + rand(43, ALNUM + "_-"))],
        "ai": [("OPENAI_API_KEY", "sk-proj-" + rand(20, ALNUM) + "T3BlbkFJ" + rand(20, ALNUM)),
               ("ANTHROPIC_API_KEY", "sk-ant-api03-" + rand(93, ALNUM + "_-") + "AA")],
    }  # fmt: skip


def plant_providers() -> None:
    styles = ["py", "env", "yaml", "js"]
    for family, entries in PROVIDERS.items():
        extra = core_secrets().get(family, [])
        values = [(var, token(rule_id)) for rule_id, var in entries] + extra
        for index, (var, value) in enumerate(values):
            style = styles[index % len(styles)]
            path = {
                "py": f"services/{family}/settings.py",
                "env": f"deploy/{family}/.env.production",
                "yaml": f"deploy/{family}/values.yaml",
                "js": f"web/src/config/{family}.js",
            }[style]
            if path not in C.files:
                header = {
                    "py": '"""Runtime settings."""\nimport os\n\nDEBUG = False\nALLOWED_HOSTS = ["api.internal"]',
                    "env": "# production environment\nNODE_ENV=production\nPORT=8080",
                    "yaml": "replicaCount: 2\nimage:\n  repository: registry.internal/app\n  tag: 1.4.2\nenv:",
                    "js": "// generated at build time\nexport const config = {\n  region: 'eu-west-1',",
                }[style]
                C.line(path, header)
            line = {
                "py": f'{var} = "{value}"',
                "env": f"{var}={value}",
                "yaml": f'  {var}: "{value}"',
                "js": f"  {var[0].lower() + var[1:].lower().title().replace('_', '')}: '{value}', // {var}",
            }[style]
            C.line(path, line, secret=(family, var))
            # a decoy next to it: the same setting read from the environment or a placeholder
            decoy = {
                "py": f'{var}_FALLBACK = os.environ.get("{var}", "")',
                "env": f"{var}_STAGING=${{{var}_STAGING}}",
                "yaml": f'  {var}_TEMPLATE: "{{{{ .Values.secrets.{var.lower()} }}}}"',
                "js": f"  {var.lower()}Fallback: process.env.{var},",
            }[style]
            C.line(path, decoy, decoy=(family, "environment reference"))
    for path in [p for p in C.files if p.endswith(".js")]:
        C.line(path, "};")


def plant_generic() -> None:
    fam = "generic"
    pem_body = base64.b64encode(RNG.randbytes(600)).decode()
    pem = "\n".join(textwrap.wrap(pem_body, 64))
    C.line("keys/deploy_key.pem", f"-----BEGIN RSA PRIVATE KEY-----\n{pem}\n-----END RSA PRIVATE KEY-----", secret=(fam, "pem private key"))
    ossh = "\n".join(textwrap.wrap(base64.b64encode(b"openssh-key-v1\x00" + RNG.randbytes(400)).decode(), 70))
    C.line("ops/id_ed25519", f"-----BEGIN OPENSSH PRIVATE KEY-----\n{ossh}\n-----END OPENSSH PRIVATE KEY-----", secret=(fam, "openssh private key"))
    C.line("docs/ssh.md", "# SSH\n\nGenerate a key with `ssh-keygen -t ed25519`; never commit the file that starts with\n")
    C.line("docs/ssh.md", "    -----BEGIN OPENSSH PRIVATE KEY-----\n    ...\n    -----END OPENSSH PRIVATE KEY-----", decoy=(fam, "elided key in docs"))
    pw = rand(14, ALNUM + "!#%")
    C.line("config/application.properties", "spring.application.name=billing\nserver.port=8080\nspring.datasource.url=jdbc:postgresql://db:5432/billing\nspring.datasource.username=billing")
    C.line("config/application.properties", f"spring.datasource.password={pw}", secret=(fam, "password in properties"))
    C.line("config/application.properties", "spring.mail.password=${MAIL_PASSWORD}", decoy=(fam, "template"))
    dbpw = rand(16)
    C.line("docker-compose.prod.yml", "services:\n  api:\n    image: registry.internal/api:1.4\n    environment:")
    C.line("docker-compose.prod.yml", f"      DATABASE_URL: postgresql://api:{dbpw}@db.prod.internal:5432/api", secret=(fam, "postgres url"))
    C.line("docker-compose.prod.yml", f"      CACHE_URL: rediss://default:{rand(24)}@cache.prod.internal:6380/0", secret=(fam, "redis url"))
    C.line("docker-compose.prod.yml", f"      BROKER_URL: amqps://orders:{rand(18)}@mq.prod.internal:5671/orders", secret=(fam, "amqp url"))
    C.line("docker-compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:")
    C.line("docker-compose.yml", "      DATABASE_URL: postgresql://postgres:postgres@localhost:5432/dev", decoy=(fam, "dev default password"))
    C.line("docker-compose.yml", "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}", decoy=(fam, "template"))
    C.line("scripts/mirror.sh", "#!/bin/sh\nset -eu")
    C.line("scripts/mirror.sh", f"pip download --index-url https://ci-bot:{rand(20)}@pypi.corp-internal.net/simple -d wheels requests", secret=(fam, "basic-auth url"))
    C.line("scripts/mirror.sh", 'curl -u "$USER:$TOKEN" https://api.corp-internal.net/health', decoy=(fam, "env reference"))
    jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + base64.urlsafe_b64encode(json.dumps({"sub": rand(10, string.digits), "role": "admin", "iat": 1760000000}).encode()).decode().rstrip("=") + "." + rand(43, ALNUM + "_-")
    C.line("tests/integration/http_test.py", "import requests\n\n\ndef test_admin():")
    C.line("tests/integration/http_test.py", f'    headers = {{"Authorization": "Bearer {jwt}"}}', secret=(fam, "jwt in test"))
    C.line("src/auth/login.py", "from .store import get_password, get_token\n\n\ndef login(user):")
    C.line("src/auth/login.py", "    password = get_password(user)", decoy=(fam, "identifier"))
    C.line("src/auth/login.py", "    token = self.token if self else None", decoy=(fam, "identifier"))
    C.line("src/auth/login.py", '    api_key = request.headers.get("X-Api-Key")', decoy=(fam, "identifier"))
    C.line("src/auth/login.py", '    password_field = "password_confirmation"', decoy=(fam, "identifier string"))
    C.line("src/auth/login.py", f'    admin_password = "{rand(12, ALNUM + "!@#")}"', secret=(fam, "password in code"))
    C.line("src/auth/login.py", f'    SECRET_KEY = "{rand(40, ALNUM)}"', secret=(fam, "secret key in code"))
    C.line("src/auth/login.py", '    secret = "development-only-not-secret"', decoy=(fam, "dev value"))
    C.line("src/auth/login.py", "    return password", )
    C.line("config/settings.xml", "<settings>\n  <servers>\n    <server>\n      <id>releases</id>\n      <username>deploy</username>")
    C.line("config/settings.xml", f"      <password>{rand(16)}</password>", secret=(fam, "maven password"))
    C.line("config/settings.xml", "    </server>\n    <server>\n      <id>snapshots</id>")
    C.line("config/settings.xml", "      <password>${env.SNAPSHOT_PASSWORD}</password>", decoy=(fam, "template"))
    C.line("config/settings.xml", "    </server>\n  </servers>\n</settings>")


def plant_decoys() -> None:
    fam = "decoy-only"
    C.line("README.md", "# Billing service\n\n## Configuration\n\nSet the following before running:\n")
    C.line("README.md", "    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", decoy=("cloud", "documented example"))
    C.line("README.md", "    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", decoy=("cloud", "documented example"))
    C.line("README.md", "    export OPENAI_API_KEY=sk-...your-key...", decoy=("ai", "placeholder"))
    C.line("README.md", "    export STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", decoy=("payments", "placeholder"))
    C.line("README.md", "    export GITHUB_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", decoy=("code-hosts", "placeholder"))
    C.line("README.md", "    export SLACK_BOT_TOKEN=xoxb-your-bot-token", decoy=("messaging", "placeholder"))
    C.line("README.md", "    export DD_API_KEY=<your datadog api key>", decoy=("observability", "placeholder"))
    C.line("README.md", "\nThe release commit is 3f1c2a9e8b7d6c5f4e3a2b1c0d9e8f7a6b5c4d3e.", decoy=(fam, "commit id"))
    C.line(".github/workflows/ci.yml", "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    env:")
    C.line(".github/workflows/ci.yml", "      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}", decoy=("ci-registries", "CI secret reference"))
    C.line(".github/workflows/ci.yml", "      SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}", decoy=("ci-registries", "CI secret reference"))
    C.line(".github/workflows/ci.yml", "    steps:\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11", decoy=(fam, "pinned action sha"))
    lock = ['{', '  "name": "web",', '  "lockfileVersion": 3,', '  "packages": {']
    C.line("web/package-lock.json", "\n".join(lock))
    for i in range(12):
        name = rand(8, string.ascii_lowercase)
        C.line("web/package-lock.json", f'    "node_modules/{name}": {{\n      "version": "1.{i}.0",\n      "resolved": "https://registry.npmjs.org/{name}/-/{name}-1.{i}.0.tgz",')
        C.line("web/package-lock.json", f'      "integrity": "sha512-{base64.b64encode(RNG.randbytes(64)).decode()}"', decoy=(fam, "integrity hash"))
        C.line("web/package-lock.json", "    }" + ("," if i < 11 else ""))
    C.line("web/package-lock.json", "  }\n}")
    for i in range(10):
        mod = f"github.com/{rand(6, string.ascii_lowercase)}/{rand(5, string.ascii_lowercase)}"
        C.line("go.sum", f"{mod} v1.{i}.0 h1:{base64.b64encode(RNG.randbytes(32)).decode()}", decoy=(fam, "go.sum hash"))
    C.line("src/ids.py", '"""Well-known identifiers."""')
    for i in range(6):
        C.line("src/ids.py", f'TENANT_{i}_ID = "{RNG.getrandbits(128):032x}"[:8] + "-0000"', decoy=(fam, "identifier value"))
    C.line("src/ids.py", 'CHECKSUM_SHA256 = "' + RNG.randbytes(32).hex() + '"', decoy=(fam, "checksum"))
    C.line("src/ids.py", 'REQUEST_ID = "' + "-".join(rand(n, "0123456789abcdef") for n in (8, 4, 4, 4, 12)) + '"', decoy=(fam, "uuid"))
    C.line("src/ids.py", 'ICON = "data:image/png;base64,' + base64.b64encode(RNG.randbytes(90)).decode() + '"', decoy=(fam, "inline image"))
    C.line("src/ids.py", 'token_type = "bearer_token_v2_format"', decoy=(fam, "identifier string"))
    C.line("src/ids.py", 'PASSWORD_RESET_URL = "https://example.com/reset?token=${resetToken}"', decoy=(fam, "template"))
    minified = ";".join(f"var {rand(2, string.ascii_lowercase)}={RNG.randint(0, 999)}" for _ in range(3000))
    C.line("web/dist/app.min.js", minified, decoy=(fam, "minified noise"))


def main() -> None:
    plant_providers()
    plant_generic()
    plant_decoys()
    # One planted secret in a long minified line (labelled on its line).
    C.line(
        "web/dist/vendor.min.js",
        ";".join(f"function {rand(3, string.ascii_lowercase)}(e){{return e+{i}}}" for i in range(800))
        + f';var k="{"sk_live_" + rand(24)}";'
        + ";".join(f"var {rand(3, string.ascii_lowercase)}={i}" for i in range(800)),
        secret=("payments", "stripe key in bundle"),
    )
    C.write()


if __name__ == "__main__":
    main()
