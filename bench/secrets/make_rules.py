"""Authoring tool for the packaged provider rules: writes ``rules/<family>.toml`` from the table below.

Why a generator: each provider token format is written once, as a list of parts (literal prefixes
and character classes with lengths). The regex, the true-positive example and the near-miss
counter-example are all derived from the same parts, so they cannot drift apart. Examples are
random strings from a seeded RNG in the provider's format; none is a real credential.

The TOML files are the source of truth once written (review them like code); ``core.toml`` and
``generic.toml`` are hand-written and not touched by this script. Run:

    python bench/secrets/make_rules.py
"""

from __future__ import annotations

import random
import re
import string
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from ridgeline.analyzers.secrets import filters  # noqa: E402
from ridgeline.analyzers.secrets.redaction import shannon_entropy  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "src/ridgeline/analyzers/secrets/rules"

CHARSETS = {
    "AN": ("A-Za-z0-9", string.ascii_letters + string.digits),
    "AN_": ("A-Za-z0-9_", string.ascii_letters + string.digits + "_"),
    "AND": ("A-Za-z0-9_-", string.ascii_letters + string.digits + "_-"),
    "HEX": ("a-f0-9", "abcdef0123456789"),
    "HEXU": ("A-F0-9", "ABCDEF0123456789"),
    "HEXM": ("a-fA-F0-9", "abcdefABCDEF0123456789"),
    "B64": ("A-Za-z0-9+/", string.ascii_letters + string.digits + "+/"),
    "UAN": ("A-Z0-9", string.ascii_uppercase + string.digits),
    "LAN": ("a-z0-9", string.ascii_lowercase + string.digits),
    "LOW": ("a-z", string.ascii_lowercase),
    "ALPHA": ("A-Za-z", string.ascii_letters),
    "D": ("0-9", string.digits),
    "B32": ("A-Z2-7", string.ascii_uppercase + "234567"),
    "AZURE": ("A-Za-z0-9_~.-", string.ascii_letters + string.digits + "_~.-"),
    "PCT": ("A-Za-z0-9%", string.ascii_letters + string.digits),
    "AGE": ("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
}
Part = str | tuple


def uuid_parts() -> list[Part]:
    return [("HEX", 8), "-", ("HEX", 4), "-", ("HEX", 4), "-", ("HEX", 4), "-", ("HEX", 12)]


UUID = "UUID"


def expand(body: list[Part]) -> list[Part]:
    out: list[Part] = []
    for part in body:
        if part == UUID:
            out.extend(uuid_parts())
        else:
            out.append(part)
    return out


def part_regex(part: Part) -> str:
    if isinstance(part, str):
        return re.escape(part)
    name, low, *high = part
    cls = CHARSETS[name][0]
    quant = f"{{{low}}}" if not high else f"{{{low},{high[0]}}}"
    return f"[{cls}]{quant}"


def body_regex(body: list[Part]) -> str:
    return "".join(part_regex(p) for p in body)


def body_sample(body: list[Part], rng: random.Random, truncate: bool = False) -> str:
    longest = max(
        (i for i, p in enumerate(body) if isinstance(p, tuple)), key=lambda i: body[i][1], default=-1
    )
    pieces = []
    for index, part in enumerate(body):
        if isinstance(part, str):
            pieces.append(part)
            continue
        name, low, *high = part
        length = rng.randint(low, high[0]) if high else low
        if truncate and index == longest:
            length = max(1, low // 2)
        pieces.append("".join(rng.choice(CHARSETS[name][1]) for _ in range(length)))
    return "".join(pieces)


def tail_guard(body: list[Part]) -> str:
    last = body[-1]
    if isinstance(last, tuple):
        return f"(?![{CHARSETS[last[0]][0]}])"
    return "(?![A-Za-z0-9])"


def head_guard(body: list[Part]) -> str:
    first = body[0]
    if isinstance(first, tuple):
        return f"(?<![{CHARSETS[first[0]][0]}])"
    return "(?<![A-Za-z0-9])"


RULES: list[dict] = []


def R(
    rule_id: str,
    title: str,
    family: str,
    body: list[Part],
    *,
    ctx: list[str] | None = None,
    kw: list[str] | None = None,
    sev: str = "high",
    ent: float | None = None,
    desc: str | None = None,
    confidence: str | None = None,
    prefix_regex: str | None = None,
    example_prefix: str = "",
) -> None:
    RULES.append(
        dict(
            id=rule_id,
            title=title,
            family=family,
            body=expand(body),
            ctx=ctx,
            kw=kw,
            sev=sev,
            ent=ent,
            desc=desc,
            confidence=confidence,
            prefix_regex=prefix_regex,
            example_prefix=example_prefix,
        )
    )


# ---------------------------------------------------------------- cloud
F = "cloud"
R(
    "aws-session-token",
    "AWS session token",
    F,
    [("B64", 300, 400)],
    ctx=["aws_session_token", "aws-session-token", "awssessiontoken"],
    sev="critical",
    ent=4.0,
)
R("aws-mws-auth-token", "Amazon MWS auth token", F, ["amzn.mws.", UUID], sev="high")
R(
    "aws-bedrock-api-key",
    "Amazon Bedrock API key (long-term)",
    F,
    ["ABSKQmVkcm9ja0FQSUtleS", ("B64", 100, 140)],
    sev="critical",
)
R(
    "gcp-service-account-key-id",
    "Google Cloud service account key",
    F,
    [("HEX", 40)],
    ctx=['"private_key_id"'],
    sev="critical",
    desc="The key id of a Google Cloud service-account JSON key file; the same file holds the private key.",
)
R("google-oauth-client-secret", "Google OAuth client secret", F, ["GOCSPX-", ("AND", 28)], sev="high")
R("google-oauth-access-token", "Google OAuth access token", F, ["ya29.", ("AND", 60, 200)], sev="high")
R("google-oauth-refresh-token", "Google OAuth refresh token", F, ["1//0", ("AND", 60, 120)], sev="high")
R(
    "azure-storage-account-key",
    "Azure storage account key",
    F,
    [("B64", 86), "=="],
    ctx=["accountkey", "azure_storage_key", "storage_account_key"],
    sev="critical",
)
R(
    "azure-ad-client-secret",
    "Azure AD (Entra ID) client secret",
    F,
    [("AZURE", 3), ("D", 1), "Q~", ("AZURE", 34)],
    sev="critical",
    kw=["q~"],
)
R(
    "azure-sas-token",
    "Azure shared access signature",
    F,
    [("PCT", 44), "%3D"],
    prefix_regex=r"(?i)[?&]sig=",
    kw=["sig="],
    sev="high",
    example_prefix="https://acct.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&srt=o&sp=r&se=2027-01-01&sig=",
)
R(
    "azure-devops-pat",
    "Azure DevOps personal access token",
    F,
    [("AN", 52), "JQQJ99", ("AN", 18), "AZDO", ("AN", 4)],
    kw=["jqqj99"],
    sev="critical",
)
R(
    "azure-cosmosdb-key",
    "Azure Cosmos DB account key",
    F,
    [("B64", 86), "=="],
    prefix_regex=r"(?i)documents\.azure\.com[^;\s]{0,20};\s{0,3}AccountKey=",
    kw=["documents.azure.com"],
    sev="critical",
    example_prefix="AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=",
)
R(
    "azure-app-configuration-secret",
    "Azure App Configuration connection secret",
    F,
    [("B64", 43), "="],
    prefix_regex=r"(?i)\.azconfig\.io;\s{0,3}Id=[^;\s]{1,40};\s{0,3}Secret=",
    kw=["azconfig.io"],
    sev="high",
    example_prefix="Endpoint=https://cfg.azconfig.io;Id=AbCd-l0-s0:Xyz;Secret=",
)
R(
    "azure-service-bus-key",
    "Azure Service Bus / Event Hubs shared access key",
    F,
    [("B64", 43), "="],
    prefix_regex=r"(?i)SharedAccessKey=",
    kw=["sharedaccesskey="],
    sev="high",
    example_prefix="Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=",
)
R(
    "azure-openai-key",
    "Azure OpenAI API key",
    F,
    [("HEX", 32)],
    ctx=["azure_openai_key", "azure_openai_api_key", "azure-openai-key"],
    sev="high",
)
R("digitalocean-pat", "DigitalOcean personal access token", F, ["dop_v1_", ("HEX", 64)], sev="critical")
R("digitalocean-oauth-token", "DigitalOcean OAuth token", F, ["doo_v1_", ("HEX", 64)], sev="critical")
R("digitalocean-refresh-token", "DigitalOcean refresh token", F, ["dor_v1_", ("HEX", 64)], sev="critical")
R(
    "digitalocean-spaces-secret",
    "DigitalOcean Spaces secret key",
    F,
    [("B64", 43)],
    ctx=["spaces_secret", "do_spaces_secret", "spaces_secret_key"],
    sev="high",
    ent=4.0,
)
R("alibaba-access-key-id", "Alibaba Cloud AccessKey ID", F, ["LTAI", ("AN", 20)], sev="high")
R(
    "alibaba-access-key-secret",
    "Alibaba Cloud AccessKey secret",
    F,
    [("AN", 30)],
    ctx=["access_key_secret", "accesskeysecret", "alibaba_secret", "aliyun_secret"],
    sev="critical",
    ent=3.5,
)
R(
    "cloudflare-api-token",
    "Cloudflare API token",
    F,
    [("AND", 40)],
    ctx=["cloudflare_api_token", "cf_api_token", "cloudflare_token"],
    sev="high",
    ent=3.5,
)
R(
    "cloudflare-global-api-key",
    "Cloudflare global API key",
    F,
    [("HEX", 37)],
    ctx=["cloudflare_api_key", "cf_api_key", "cloudflare_global_key", "x-auth-key"],
    sev="critical",
)
R(
    "cloudflare-origin-ca-key",
    "Cloudflare Origin CA key",
    F,
    ["v1.0-", ("HEX", 24), "-", ("HEX", 146)],
    sev="high",
)
R(
    "ibm-cloud-api-key",
    "IBM Cloud API key",
    F,
    [("AND", 44)],
    ctx=["ibmcloud_api_key", "ibm_api_key", "ic_api_key", "ibm_cloud_api_key"],
    sev="critical",
    ent=3.5,
)
R(
    "linode-token",
    "Linode (Akamai) API token",
    F,
    [("HEX", 64)],
    ctx=["linode_token", "linode_api_token", "linode_cli_token"],
    sev="critical",
)
R(
    "vultr-api-key",
    "Vultr API key",
    F,
    [("UAN", 36)],
    ctx=["vultr_api_key", "vultr_key"],
    sev="critical",
    ent=3.5,
)
R(
    "hetzner-cloud-token",
    "Hetzner Cloud API token",
    F,
    [("AN", 64)],
    ctx=["hcloud_token", "hetzner_token", "hetzner_api_token"],
    sev="critical",
    ent=4.0,
)
R(
    "scaleway-secret-key",
    "Scaleway secret key",
    F,
    [UUID],
    ctx=["scw_secret_key", "scaleway_secret_key"],
    sev="critical",
)
R("tencent-cloud-secret-id", "Tencent Cloud SecretId", F, ["AKID", ("AN", 32)], sev="high")
R(
    "tencent-cloud-secret-key",
    "Tencent Cloud SecretKey",
    F,
    [("AN", 32)],
    ctx=["tencentcloud_secret_key", "tencent_secret_key", "tc_secret_key"],
    sev="critical",
    ent=3.5,
)
R(
    "heroku-api-key",
    "Heroku API key",
    F,
    [UUID],
    ctx=["heroku_api_key", "heroku_api_token", "heroku_key"],
    sev="critical",
)
R("heroku-api-key-v2", "Heroku API key (HRKU)", F, ["HRKU-AA", ("AND", 58)], sev="critical")
R("flyio-access-token", "Fly.io access token", F, ["fo1_", ("AND", 43)], sev="critical")
R("netlify-pat", "Netlify personal access token", F, ["nfp_", ("AN", 36)], sev="high")
R(
    "netlify-access-token",
    "Netlify access token",
    F,
    [("AND", 43)],
    ctx=["netlify_auth_token", "netlify_token", "netlify_access_token"],
    sev="high",
    ent=3.5,
)
R(
    "vercel-token",
    "Vercel access token",
    F,
    [("AN", 24)],
    ctx=["vercel_token", "vercel_api_token", "now_token"],
    sev="high",
    ent=3.5,
)
R("render-api-key", "Render API key", F, ["rnd_", ("AN", 32)], sev="high")
R("railway-token", "Railway API token", F, [UUID], ctx=["railway_token", "railway_api_token"], sev="high")
R(
    "upcloud-password",
    "UpCloud API password",
    F,
    [("AN", 20, 40)],
    ctx=["upcloud_password"],
    sev="high",
    ent=3.5,
)
R(
    "openstack-password",
    "OpenStack password",
    F,
    [("AND", 16, 64)],
    ctx=["os_password", "openstack_password"],
    sev="high",
    ent=3.5,
)
R(
    "kubernetes-client-key-data",
    "Kubernetes client key in a kubeconfig",
    F,
    ["LS0tLS1CRUdJTi", ("B64", 200, 400)],
    ctx=["client-key-data"],
    sev="critical",
)
R(
    "kubernetes-bearer-token",
    "Kubernetes service-account bearer token in a kubeconfig",
    F,
    ["eyJhbGciOiJSUzI1NiIsImtpZCI6", ("AND", 40, 60), ".", ("AND", 200, 300), ".", ("AND", 200, 342)],
    ctx=["token"],
    kw=["eyjhbgcioijsuzi1niisimtpzci6"],
    sev="critical",
)

# ---------------------------------------------------------------- code hosts
F = "code-hosts"
R("gitlab-deploy-token", "GitLab deploy token", F, ["gldt-", ("AND", 20)], sev="high")
R("gitlab-runner-token", "GitLab runner authentication token", F, ["glrt-", ("AND", 20)], sev="high")
R(
    "gitlab-runner-registration-token",
    "GitLab runner registration token",
    F,
    ["GR1348941", ("AND", 20)],
    sev="high",
)
R("gitlab-pipeline-trigger-token", "GitLab pipeline trigger token", F, ["glptt-", ("HEX", 40)], sev="high")
R(
    "gitlab-ci-build-token",
    "GitLab CI/CD job token",
    F,
    ["glcbt-", ("AN", 1, 5), "_", ("AND", 20)],
    sev="high",
)
R("gitlab-oauth-app-secret", "GitLab OAuth application secret", F, ["gloas-", ("AND", 64)], sev="critical")
R("gitlab-agent-token", "GitLab agent for Kubernetes token", F, ["glagent-", ("AND", 50)], sev="critical")
R("gitlab-feed-token", "GitLab feed token", F, ["glft-", ("AND", 20)], sev="medium")
R("gitlab-incoming-mail-token", "GitLab incoming mail token", F, ["glimt-", ("AND", 25)], sev="medium")
R(
    "gitlab-feature-flag-client-token",
    "GitLab feature flag client token",
    F,
    ["glffct-", ("AND", 20)],
    sev="medium",
)
R("gitlab-scim-token", "GitLab SCIM OAuth token", F, ["glsoat-", ("AND", 20)], sev="high")
R(
    "gitlab-kubernetes-agent-session",
    "GitLab session cookie",
    F,
    ["_gitlab_session=", ("HEX", 32)],
    kw=["_gitlab_session="],
    sev="high",
)
R("bitbucket-app-password", "Bitbucket app password", F, ["ATBB", ("AN", 32)], sev="critical")
R(
    "bitbucket-client-secret",
    "Bitbucket OAuth client secret",
    F,
    [("AND", 32)],
    ctx=["bitbucket_client_secret", "bitbucket_secret"],
    sev="high",
    ent=3.5,
)
R(
    "bitbucket-repository-access-token",
    "Bitbucket repository/workspace access token",
    F,
    ["ATCTT3xFfGN0", ("AND", 180, 190)],
    sev="critical",
)
R(
    "gitea-access-token",
    "Gitea / Forgejo access token",
    F,
    [("HEX", 40)],
    ctx=["gitea_token", "gitea_access_token", "forgejo_token"],
    sev="high",
)
R(
    "sourcegraph-access-token",
    "Sourcegraph access token",
    F,
    ["sgp_", ("HEX", 16), "_", ("HEX", 40)],
    sev="high",
)
R(
    "github-app-private-key-id",
    "GitHub App client secret",
    F,
    [("HEX", 40)],
    ctx=["github_client_secret", "gh_client_secret", "github_app_client_secret"],
    sev="high",
)
R(
    "gogs-access-token",
    "Gogs access token",
    F,
    [("HEX", 40)],
    ctx=["gogs_token", "gogs_access_token"],
    sev="high",
)
R(
    "gerrit-http-password",
    "Gerrit HTTP password",
    F,
    [("AN", 42)],
    ctx=["gerrit_http_password", "gerrit_password"],
    sev="high",
    ent=3.5,
)
R(
    "azure-devops-legacy-pat",
    "Azure DevOps personal access token (legacy 52-character)",
    F,
    [("LAN", 52)],
    ctx=["azure_devops_pat", "ado_pat", "azure_devops_token", "system_accesstoken"],
    sev="critical",
    ent=3.5,
)

# ---------------------------------------------------------------- CI and registries
F = "ci-registries"
R(
    "pypi-test-upload-token",
    "TestPyPI upload token",
    F,
    ["pypi-AgENdGVzdC5weXBpLm9yZw", ("AND", 60, 80)],
    sev="medium",
)
R("dockerhub-pat", "Docker Hub personal access token", F, ["dckr_pat_", ("AND", 27)], sev="critical")
R(
    "dockerhub-org-access-token",
    "Docker Hub organization access token",
    F,
    ["dckr_oat_", ("AND", 32)],
    sev="critical",
)
R(
    "docker-config-auth",
    "Docker registry credentials in config.json",
    F,
    [("B64", 24, 120), "="],
    ctx=['"auth"'],
    sev="high",
    ent=3.5,
)
R("rubygems-api-key", "RubyGems API key", F, ["rubygems_", ("HEX", 48)], sev="critical")
R("nuget-api-key", "NuGet API key", F, ["oy2", ("LAN", 43)], sev="critical")
R("crates-io-token", "crates.io API token", F, ["cio", ("AN", 32)], sev="critical", kw=["cio"])
R("circleci-pat", "CircleCI personal API token", F, ["CCIPAT_", ("AN", 22), "_", ("HEX", 40)], sev="critical")
R(
    "circleci-project-token",
    "CircleCI project API token",
    F,
    ["CCIPRJ_", ("AN", 22), "_", ("HEX", 40)],
    sev="high",
)
R(
    "travis-ci-token",
    "Travis CI access token",
    F,
    [("AND", 22)],
    ctx=["travis_token", "travis_api_token"],
    sev="high",
    ent=3.5,
)
R(
    "buildkite-agent-token",
    "Buildkite agent token",
    F,
    [("HEX", 50)],
    ctx=["buildkite_agent_token"],
    sev="high",
)
R("buildkite-api-token", "Buildkite API access token", F, ["bkua_", ("HEX", 40)], sev="high")
R("jfrog-api-key", "JFrog Artifactory API key", F, ["AKCp", ("AN", 69)], sev="critical")
R("jfrog-reference-token", "JFrog reference token", F, ["cmVmdGtuOjAxOj", ("AN", 50)], sev="critical")
R(
    "sonarqube-project-token",
    "SonarQube / SonarCloud project analysis token",
    F,
    ["sqp_", ("HEX", 40)],
    sev="medium",
)
R("sonarqube-user-token", "SonarQube / SonarCloud user token", F, ["squ_", ("HEX", 40)], sev="high")
R("sonarqube-global-token", "SonarQube global analysis token", F, ["sqa_", ("HEX", 40)], sev="high")
R("codecov-token", "Codecov upload token", F, [UUID], ctx=["codecov_token"], sev="medium")
R(
    "snyk-api-token",
    "Snyk API token",
    F,
    [UUID],
    ctx=["snyk_token", "snyk_api_token", "snyk_auth_token"],
    sev="high",
)
R(
    "terraform-cloud-token",
    "Terraform Cloud / HCP Terraform API token",
    F,
    [("LAN", 14), ".atlasv1.", ("AND", 67)],
    sev="critical",
    kw=[".atlasv1."],
)
R("vault-service-token", "HashiCorp Vault service token", F, ["hvs.", ("AND", 90, 100)], sev="critical")
R("vault-batch-token", "HashiCorp Vault batch token", F, ["hvb.", ("AND", 138, 160)], sev="critical")
R("vault-recovery-token", "HashiCorp Vault recovery token", F, ["hvr.", ("AND", 24, 90)], sev="critical")
R(
    "vault-legacy-token",
    "HashiCorp Vault token (legacy s. format)",
    F,
    ["s.", ("AN", 24)],
    ctx=["vault_token", "x-vault-token", "vault_auth_token"],
    sev="critical",
)
R(
    "hcp-client-secret",
    "HashiCorp Cloud Platform client secret",
    F,
    [("AND", 64)],
    ctx=["hcp_client_secret"],
    sev="critical",
    ent=4.0,
)
R("pulumi-access-token", "Pulumi access token", F, ["pul-", ("HEX", 40)], sev="critical")
R("doppler-personal-token", "Doppler personal token", F, ["dp.pt.", ("AN", 43)], sev="critical")
R(
    "doppler-service-token",
    "Doppler service token",
    F,
    ["dp.st.", ("AN", 2, 35), ".", ("AN", 40, 44)],
    sev="critical",
)
R("doppler-cli-token", "Doppler CLI token", F, ["dp.ct.", ("AN", 43)], sev="critical")
R("doppler-service-account-token", "Doppler service account token", F, ["dp.sa.", ("AN", 43)], sev="critical")
R("doppler-scim-token", "Doppler SCIM token", F, ["dp.scim.", ("AN", 43)], sev="high")
R("doppler-audit-token", "Doppler audit token", F, ["dp.audit.", ("AN", 43)], sev="high")
R("octopus-deploy-api-key", "Octopus Deploy API key", F, ["API-", ("UAN", 26, 32)], sev="high")
R(
    "harness-pat",
    "Harness personal access / service account token",
    F,
    ["pat.", ("AND", 22), ".", ("HEX", 24), ".", ("AN", 20)],
    sev="high",
    kw=["pat."],
)
R("drone-ci-token", "Drone CI access token", F, [("AN", 32)], ctx=["drone_token"], sev="high", ent=3.5)
R(
    "gradle-publish-secret",
    "Gradle Plugin Portal publish secret",
    F,
    [("AN", 32)],
    ctx=["gradle.publish.secret", "gradle_publish_secret"],
    sev="high",
    ent=3.5,
)
R("clojars-token", "Clojars deploy token", F, ["CLOJARS_", ("LAN", 60)], sev="high")
R("postman-api-key", "Postman API key", F, ["PMAK-", ("HEX", 24), "-", ("HEX", 34)], sev="high")
R("readme-api-key", "ReadMe API key", F, ["rdme_", ("LAN", 70)], sev="medium")
R("prefect-api-key", "Prefect Cloud API key", F, ["pnu_", ("AN", 36)], sev="high")
R("infracost-api-key", "Infracost API key", F, ["ico-", ("AN", 32)], sev="medium")
R("scalingo-api-token", "Scalingo API token", F, ["tk-us-", ("AND", 48)], sev="high")
R(
    "jenkins-api-token",
    "Jenkins API token",
    F,
    ["11", ("HEX", 32)],
    ctx=["jenkins_token", "jenkins_api_token", "jenkins_password"],
    sev="high",
)
R(
    "artifactory-password",
    "Artifactory encrypted password",
    F,
    ["AP", ("AN", 8, 10), ("AN", 20, 60)],
    ctx=["artifactory_password", "artifactory_api_key"],
    sev="high",
    ent=3.5,
)
R("launchdarkly-api-token", "LaunchDarkly API access token", F, ["api-", UUID], sev="high", kw=["api-"])
R("launchdarkly-sdk-key", "LaunchDarkly server-side SDK key", F, ["sdk-", UUID], sev="medium", kw=["sdk-"])
R(
    "fastly-api-token",
    "Fastly API token",
    F,
    [("AND", 32)],
    ctx=["fastly_api_token", "fastly_api_key", "fastly_key"],
    sev="high",
    ent=3.5,
)
R(
    "github-actions-runner-token",
    "GitHub Actions runner registration token",
    F,
    [("UAN", 29)],
    ctx=["runner_token", "actions_runner_token"],
    sev="high",
    ent=3.5,
)
R(
    "bitrise-pat",
    "Bitrise personal access token",
    F,
    [("AND", 86)],
    ctx=["bitrise_token", "bitrise_access_token"],
    sev="high",
    ent=4.0,
)
R(
    "codemagic-api-token",
    "Codemagic API token",
    F,
    [("AND", 43)],
    ctx=["codemagic_token", "cm_api_token"],
    sev="high",
    ent=3.5,
)
R(
    "appveyor-api-token",
    "AppVeyor API token",
    F,
    ["v2.", ("LAN", 20)],
    ctx=["appveyor_token", "appveyor_api_token"],
    sev="high",
)
R("cloudsmith-api-key", "Cloudsmith API key", F, [("HEX", 40)], ctx=["cloudsmith_api_key"], sev="high")
R("packagecloud-token", "packagecloud token", F, [("HEX", 48)], ctx=["packagecloud_token"], sev="high")
R(
    "cachix-auth-token",
    "Cachix auth token",
    F,
    ["eyJhbGciOiJIUzI1NiJ9.", ("AND", 60, 120), ".", ("AND", 43)],
    ctx=["cachix_auth_token"],
    kw=["cachix_auth_token"],
    sev="high",
)

# ---------------------------------------------------------------- payments
F = "payments"
R(
    "stripe-test-secret-key",
    "Stripe test-mode secret key",
    F,
    ["sk_test_", ("AN", 24, 99)],
    sev="low",
    confidence="medium",
)
R("stripe-webhook-secret", "Stripe webhook signing secret", F, ["whsec_", ("AN", 32)], sev="high")
R(
    "braintree-access-token",
    "PayPal Braintree access token",
    F,
    ["access_token$production$", ("LAN", 16), "$", ("HEX", 32)],
    sev="critical",
    kw=["access_token$production$"],
)
R(
    "braintree-sandbox-access-token",
    "PayPal Braintree sandbox access token",
    F,
    ["access_token$sandbox$", ("LAN", 16), "$", ("HEX", 32)],
    sev="low",
    kw=["access_token$sandbox$"],
)
R(
    "braintree-private-key",
    "Braintree private key",
    F,
    [("HEX", 32)],
    ctx=["braintree_private_key", "bt_private_key"],
    sev="critical",
)
R(
    "paypal-client-secret",
    "PayPal REST client secret",
    F,
    ["E", ("AND", 79)],
    ctx=["paypal_client_secret", "paypal_secret"],
    sev="critical",
    ent=4.0,
)
R("square-access-token", "Square access token", F, ["EAAA", ("AND", 60)], sev="critical")
R("square-legacy-access-token", "Square legacy access token", F, ["sq0atp-", ("AND", 22)], sev="critical")
R("square-oauth-secret", "Square OAuth application secret", F, ["sq0csp-", ("AND", 43)], sev="critical")
R("shopify-access-token", "Shopify Admin API access token", F, ["shpat_", ("HEXM", 32)], sev="critical")
R("shopify-custom-app-token", "Shopify custom app access token", F, ["shpca_", ("HEXM", 32)], sev="critical")
R("shopify-private-app-token", "Shopify private app password", F, ["shppa_", ("HEXM", 32)], sev="critical")
R("shopify-shared-secret", "Shopify app shared secret", F, ["shpss_", ("HEXM", 32)], sev="high")
R("razorpay-key-id", "Razorpay live key id", F, ["rzp_live_", ("AN", 14)], sev="medium")
R(
    "razorpay-key-secret",
    "Razorpay key secret",
    F,
    [("AN", 24)],
    ctx=["razorpay_key_secret", "razorpay_secret"],
    sev="critical",
    ent=3.5,
)
R("flutterwave-secret-key", "Flutterwave secret key", F, ["FLWSECK-", ("HEX", 32), "-X"], sev="critical")
R(
    "flutterwave-test-secret-key",
    "Flutterwave test secret key",
    F,
    ["FLWSECK_TEST-", ("HEX", 32), "-X"],
    sev="low",
)
R("flutterwave-encryption-key", "Flutterwave encryption key", F, ["FLWSECK_TEST", ("HEX", 12)], sev="medium")
R(
    "plaid-access-token",
    "Plaid access token",
    F,
    ["access-production-", UUID],
    sev="critical",
    kw=["access-production-"],
)
R("plaid-secret", "Plaid API secret", F, [("HEX", 30)], ctx=["plaid_secret"], sev="critical")
R(
    "gocardless-access-token",
    "GoCardless live access token",
    F,
    ["live_", ("AND", 40)],
    ctx=["gocardless"],
    sev="critical",
    ent=3.5,
)
R(
    "mollie-api-key",
    "Mollie live API key",
    F,
    ["live_", ("AN", 30)],
    ctx=["mollie_api_key", "mollie_key"],
    sev="critical",
    ent=3.5,
)
R(
    "wise-api-token",
    "Wise (TransferWise) API token",
    F,
    [UUID],
    ctx=["wise_api_token", "transferwise_api_token", "transferwise_token"],
    sev="critical",
)
R(
    "paddle-api-key",
    "Paddle API key",
    F,
    ["pdl_live_apikey_", ("LAN", 26), "_", ("AN", 22), "_", ("AN", 3)],
    sev="critical",
)
R("easypost-api-key", "EasyPost production API key", F, ["EZAK", ("AN", 54)], sev="high")
R("easypost-test-api-key", "EasyPost test API key", F, ["EZTK", ("AN", 54)], sev="low")
R("duffel-api-token", "Duffel live API token", F, ["duffel_live_", ("AND", 43)], sev="critical")
R(
    "adyen-api-key",
    "Adyen API key",
    F,
    ["AQE", ("AND", 60, 120)],
    ctx=["adyen_api_key", "adyen_key"],
    sev="critical",
    ent=4.0,
)
R(
    "checkout-secret-key",
    "Checkout.com secret key",
    F,
    ["sk_", ("LAN", 26)],
    ctx=["checkout_secret_key", "cko_secret_key"],
    sev="critical",
    ent=3.5,
)
R(
    "coinbase-api-secret",
    "Coinbase API secret",
    F,
    [("AN", 32)],
    ctx=["coinbase_api_secret", "coinbase_secret"],
    sev="critical",
    ent=3.5,
)
R("klarna-api-secret", "Klarna API password", F, ["klarna_live_api_", ("AND", 60)], sev="critical")
R(
    "lemonsqueezy-api-key",
    "Lemon Squeezy API key",
    F,
    ["eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.", ("AND", 200, 400), ".", ("AND", 300, 400)],
    ctx=["lemonsqueezy_api_key", "lemon_squeezy_api_key"],
    kw=["lemonsqueezy_api_key", "lemon_squeezy_api_key"],
    sev="critical",
)

# ---------------------------------------------------------------- messaging
F = "messaging"
R(
    "slack-app-token",
    "Slack app-level token",
    F,
    ["xapp-1-", ("UAN", 9, 11), "-", ("D", 13), "-", ("HEX", 64)],
    sev="high",
)
R("slack-config-token", "Slack configuration access token", F, ["xoxe.xoxp-1-", ("AN", 160, 170)], sev="high")
R(
    "slack-legacy-token",
    "Slack legacy workspace / refresh token",
    F,
    ["xox", ("ALPHA", 1), "-", ("D", 10, 13), "-", ("AN", 24, 40)],
    prefix_regex=None,
    kw=["xoxa-", "xoxr-", "xoxs-"],
    sev="high",
)
R(
    "slack-workflow-webhook",
    "Slack workflow webhook URL",
    F,
    ["https://hooks.slack.com/", ("LOW", 8, 9), "/T", ("UAN", 8, 12), "/", ("D", 16, 20), "/", ("AN", 32)],
    kw=["hooks.slack.com/"],
    sev="medium",
)
R(
    "discord-bot-token",
    "Discord bot token",
    F,
    [("ALPHA", 1), ("AN", 23, 25), ".", ("AND", 6), ".", ("AND", 27, 38)],
    ctx=["discord_token", "discord_bot_token", "bot_token"],
    sev="high",
    ent=4.0,
)
R(
    "discord-webhook-url",
    "Discord webhook URL",
    F,
    ["https://discord.com/api/webhooks/", ("D", 17, 20), "/", ("AND", 68)],
    sev="medium",
    kw=["discord.com/api/webhooks/", "discordapp.com/api/webhooks/"],
)
R(
    "discord-client-secret",
    "Discord OAuth client secret",
    F,
    [("AND", 32)],
    ctx=["discord_client_secret"],
    sev="high",
    ent=3.5,
)
R("telegram-bot-token", "Telegram bot token", F, [("D", 8, 10), ":AA", ("AND", 33)], sev="high", kw=[":aa"])
R("twilio-api-key", "Twilio API key SID", F, ["SK", ("HEX", 32)], kw=["twilio"], sev="high")
R(
    "twilio-auth-token",
    "Twilio auth token",
    F,
    [("HEX", 32)],
    ctx=["twilio_auth_token", "twilio_token", "twilio_secret"],
    sev="critical",
)
R(
    "sendinblue-api-key",
    "Brevo (Sendinblue) API key",
    F,
    ["xkeysib-", ("HEX", 64), "-", ("AN", 16)],
    sev="high",
)
R(
    "sendinblue-smtp-key",
    "Brevo (Sendinblue) SMTP key",
    F,
    ["xsmtpsib-", ("HEX", 64), "-", ("AN", 16)],
    sev="high",
)
R("mailgun-api-key", "Mailgun private API key", F, ["key-", ("HEX", 32)], sev="high", kw=["key-"])
R(
    "mailgun-webhook-signing-key",
    "Mailgun webhook signing key",
    F,
    [("HEX", 32), "-", ("HEX", 8), "-", ("HEX", 8)],
    ctx=["mailgun_signing_key", "mailgun_webhook_key", "mailgun_api_key"],
    sev="high",
)
R("mailchimp-api-key", "Mailchimp API key", F, [("HEX", 32), "-us", ("D", 1, 2)], sev="high", kw=["-us"])
R("mandrill-api-key", "Mandrill (Mailchimp Transactional) API key", F, ["md-", ("AND", 22)], sev="high")
R(
    "postmark-server-token",
    "Postmark server token",
    F,
    [UUID],
    ctx=["postmark_server_token", "postmark_api_token", "postmark_token", "x-postmark-server-token"],
    sev="high",
)
R(
    "mailjet-secret-key",
    "Mailjet secret key",
    F,
    [("HEX", 32)],
    ctx=["mailjet_secret_key", "mj_apikey_private", "mailjet_api_secret"],
    sev="high",
)
R(
    "sparkpost-api-key",
    "SparkPost API key",
    F,
    [("HEX", 40)],
    ctx=["sparkpost_api_key", "sparkpost_key"],
    sev="high",
)
R(
    "vonage-api-secret",
    "Vonage (Nexmo) API secret",
    F,
    [("AN", 16)],
    ctx=["vonage_api_secret", "nexmo_api_secret", "nexmo_secret"],
    sev="high",
    ent=3.0,
)
R(
    "messagebird-api-key",
    "MessageBird API key",
    F,
    [("AN", 25)],
    ctx=["messagebird_api_key", "messagebird_key", "message_bird_api_key"],
    sev="high",
    ent=3.5,
)
R("plivo-auth-token", "Plivo auth token", F, [("AN", 40)], ctx=["plivo_auth_token"], sev="high", ent=3.5)
R(
    "intercom-access-token",
    "Intercom access token",
    F,
    ["dG9rOj", ("AND", 50, 60), "="],
    ctx=["intercom_access_token", "intercom_token"],
    sev="high",
)
R(
    "zendesk-api-token",
    "Zendesk API token",
    F,
    [("AN", 40)],
    ctx=["zendesk_api_token", "zendesk_token"],
    sev="high",
    ent=3.5,
)
R(
    "pusher-app-secret",
    "Pusher Channels app secret",
    F,
    [("HEX", 20)],
    ctx=["pusher_app_secret", "pusher_secret"],
    sev="high",
)
R(
    "ably-api-key",
    "Ably API key",
    F,
    [("AND", 6), ".", ("AND", 6), ":", ("AND", 43)],
    ctx=["ably_api_key", "ably_key"],
    sev="high",
)
R(
    "microsoft-teams-webhook",
    "Microsoft Teams incoming webhook URL",
    F,
    [
        "https://",
        ("LAN", 4, 12),
        ".webhook.office.com/webhookb2/",
        UUID,
        "@",
        UUID,
        "/IncomingWebhook/",
        ("HEX", 32),
        "/",
        UUID,
    ],
    kw=["webhook.office.com/webhookb2/"],
    sev="medium",
)
R(
    "mattermost-access-token",
    "Mattermost access token",
    F,
    [("LAN", 26)],
    ctx=["mattermost_token", "mattermost_access_token", "mm_access_token"],
    sev="high",
    ent=3.5,
)
R(
    "twitch-api-token",
    "Twitch API token",
    F,
    [("LAN", 30)],
    ctx=["twitch_token", "twitch_api_token", "twitch_client_secret"],
    sev="high",
    ent=3.5,
)
R(
    "twitter-bearer-token",
    "X (Twitter) API bearer token",
    F,
    ["AAAAAAAAAAAAAAAAAAAAA", ("PCT", 80, 110)],
    sev="high",
    kw=["aaaaaaaaaaaaaaaaaaaaa"],
)
R(
    "twitter-api-secret",
    "X (Twitter) API key secret",
    F,
    [("AN", 50)],
    ctx=["twitter_api_secret", "twitter_consumer_secret", "twitter_secret", "x_api_secret"],
    sev="high",
    ent=4.0,
)
R(
    "twitter-access-token",
    "X (Twitter) access token",
    F,
    [("D", 15, 19), "-", ("AN", 40)],
    ctx=["twitter_access_token", "twitter_token"],
    sev="high",
)
R(
    "facebook-access-token",
    "Facebook / Meta access token",
    F,
    ["EAA", ("ALPHA", 1), ("AN", 90, 200)],
    ctx=[
        "facebook_access_token",
        "fb_access_token",
        "meta_access_token",
        "page_access_token",
        "whatsapp_token",
    ],
    sev="high",
)
R(
    "facebook-app-secret",
    "Facebook / Meta app secret",
    F,
    [("HEX", 32)],
    ctx=["facebook_app_secret", "fb_app_secret", "facebook_secret", "meta_app_secret"],
    sev="high",
)
R(
    "gitter-access-token",
    "Gitter access token",
    F,
    [("HEX", 40)],
    ctx=["gitter_token", "gitter_access_token"],
    sev="medium",
)
R(
    "sendbird-api-token",
    "Sendbird API token",
    F,
    [("HEX", 40)],
    ctx=["sendbird_api_token", "sendbird_token"],
    sev="high",
)
R("klaviyo-private-key", "Klaviyo private API key", F, ["pk_", ("HEX", 34)], ctx=["klaviyo"], sev="high")
R(
    "zapier-webhook-url",
    "Zapier catch hook URL",
    F,
    ["https://hooks.zapier.com/hooks/catch/", ("D", 6, 9), "/", ("LAN", 6, 8), "/"],
    sev="medium",
    kw=["hooks.zapier.com/hooks/catch/"],
)
R(
    "line-channel-access-token",
    "LINE channel access token",
    F,
    [("B64", 172), "="],
    ctx=["line_channel_access_token", "channel_access_token"],
    sev="high",
    ent=4.5,
)
R(
    "zoom-client-secret",
    "Zoom OAuth client secret",
    F,
    [("AN", 32)],
    ctx=["zoom_client_secret", "zoom_api_secret"],
    sev="high",
    ent=3.5,
)
R(
    "customerio-api-key",
    "Customer.io API key",
    F,
    [("HEX", 20, 32)],
    ctx=["customerio_api_key", "customer_io_api_key", "cio_api_key"],
    sev="high",
)
R("onesignal-rest-api-key", "OneSignal REST API key", F, ["os_v2_app_", ("LAN", 100, 120)], sev="high")

# ---------------------------------------------------------------- AI
F = "ai"
R(
    "cohere-api-key",
    "Cohere API key",
    F,
    [("AN", 40)],
    ctx=["cohere_api_key", "co_api_key", "cohere_key"],
    sev="high",
    ent=3.5,
)
R("replicate-api-token", "Replicate API token", F, ["r8_", ("AN", 37)], sev="high")
R("huggingface-access-token", "Hugging Face access token", F, ["hf_", ("ALPHA", 34)], sev="high")
R("huggingface-org-token", "Hugging Face organization API token", F, ["api_org_", ("ALPHA", 34)], sev="high")
R("groq-api-key", "Groq API key", F, ["gsk_", ("AN", 52)], sev="high")
R("perplexity-api-key", "Perplexity API key", F, ["pplx-", ("AN", 48)], sev="high")
R(
    "mistral-api-key",
    "Mistral AI API key",
    F,
    [("AN", 32)],
    ctx=["mistral_api_key", "mistral_key"],
    sev="high",
    ent=3.5,
)
R("xai-api-key", "xAI API key", F, ["xai-", ("AN", 80)], sev="high")
R(
    "deepseek-api-key",
    "DeepSeek API key",
    F,
    ["sk-", ("HEX", 32)],
    ctx=["deepseek_api_key", "deepseek_key"],
    sev="high",
)
R("fireworks-api-key", "Fireworks AI API key", F, ["fw_", ("AN", 24)], sev="high")
R("elevenlabs-api-key", "ElevenLabs API key", F, ["sk_", ("HEX", 48)], sev="high", kw=["sk_"])
R(
    "langsmith-api-key",
    "LangSmith API key",
    F,
    ["lsv2_", ("LOW", 2), "_", ("HEX", 32), "_", ("HEX", 10)],
    sev="high",
)
R("pinecone-api-key", "Pinecone API key", F, ["pcsk_", ("AN", 5, 6), "_", ("AN", 63)], sev="high")
R(
    "wandb-api-key",
    "Weights & Biases API key",
    F,
    [("HEX", 40)],
    ctx=["wandb_api_key", "wandb_key"],
    sev="high",
)
R(
    "assemblyai-api-key",
    "AssemblyAI API key",
    F,
    [("HEX", 32)],
    ctx=["assemblyai_api_key", "assembly_ai_key", "aai_api_key"],
    sev="high",
)
R(
    "deepgram-api-key",
    "Deepgram API key",
    F,
    [("HEX", 40)],
    ctx=["deepgram_api_key", "deepgram_key"],
    sev="high",
)
R("openrouter-api-key", "OpenRouter API key", F, ["sk-or-v1-", ("HEX", 64)], sev="high")
R(
    "stability-api-key",
    "Stability AI API key",
    F,
    ["sk-", ("AN", 48)],
    ctx=["stability_api_key", "stability_key"],
    sev="high",
)
R("cerebras-api-key", "Cerebras API key", F, ["csk-", ("LAN", 48)], sev="high")
R("tavily-api-key", "Tavily API key", F, ["tvly-", ("AN", 32)], sev="medium")
R("firecrawl-api-key", "Firecrawl API key", F, ["fc-", ("HEX", 32)], sev="medium")
R("langfuse-secret-key", "Langfuse secret key", F, ["sk-lf-", UUID], sev="high")
R(
    "together-api-key",
    "Together AI API key",
    F,
    [("HEX", 64)],
    ctx=["together_api_key", "togetherai_api_key"],
    sev="high",
)
R("voyage-api-key", "Voyage AI API key", F, ["pa-", ("AND", 43)], ctx=["voyage_api_key"], sev="high")
R(
    "google-gemini-api-key",
    "Google Gemini / AI Studio API key",
    F,
    ["AIza", ("AND", 35)],
    ctx=["gemini_api_key", "google_ai_api_key", "genai_api_key"],
    kw=["gemini_api_key", "google_ai_api_key", "genai_api_key"],
    sev="high",
)
R(
    "openai-org-admin-key",
    "OpenAI admin key",
    F,
    ["sk-admin-", ("AND", 58), "T3BlbkFJ", ("AND", 58)],
    ctx=["openai_admin_key"],
    sev="critical",
)
R("anthropic-session-key", "Claude.ai session key", F, ["sk-ant-sid01-", ("AND", 93), "AA"], sev="high")
R("ai21-api-key", "AI21 Labs API key", F, [("AN", 32)], ctx=["ai21_api_key"], sev="high", ent=3.5)
R("runpod-api-key", "RunPod API key", F, ["rpa_", ("UAN", 46, 50)], sev="high")
R("modal-token-secret", "Modal token secret", F, ["as-", ("AN", 22)], ctx=["modal_token_secret"], sev="high")
R("nvidia-api-key", "NVIDIA NGC / API catalog key", F, ["nvapi-", ("AND", 64)], sev="high")

# ---------------------------------------------------------------- observability
F = "observability"
R(
    "datadog-api-key",
    "Datadog API key",
    F,
    [("HEX", 32)],
    ctx=["datadog_api_key", "dd_api_key", "datadog_key", "dd-api-key"],
    sev="high",
)
R(
    "datadog-app-key",
    "Datadog application key",
    F,
    [("HEX", 40)],
    ctx=["datadog_app_key", "dd_app_key", "datadog_application_key", "dd-application-key"],
    sev="high",
)
R("newrelic-user-api-key", "New Relic user API key", F, ["NRAK-", ("UAN", 27)], sev="high")
R("newrelic-insights-insert-key", "New Relic Insights insert key", F, ["NRII-", ("AND", 32)], sev="medium")
R("newrelic-browser-api-key", "New Relic browser API token", F, ["NRJS-", ("HEX", 19)], sev="low")
R("newrelic-license-key", "New Relic ingest license key", F, [("HEX", 36), "NRAL"], sev="high", kw=["nral"])
R("newrelic-admin-api-key", "New Relic admin API key", F, ["NRAA-", ("HEX", 27)], sev="high")
R("sentry-user-token", "Sentry user auth token", F, ["sntryu_", ("HEX", 64)], sev="high")
R(
    "sentry-org-token",
    "Sentry organization auth token",
    F,
    ["sntrys_eyJpYXQiO", ("B64", 100, 200), "_", ("B64", 43)],
    sev="high",
)
R(
    "sentry-legacy-auth-token",
    "Sentry auth token (legacy)",
    F,
    [("HEX", 64)],
    ctx=["sentry_auth_token", "sentry_token"],
    sev="high",
)
R(
    "sentry-dsn",
    "Sentry DSN",
    F,
    ["https://", ("HEX", 32), "@o", ("D", 4, 7), ".ingest.sentry.io/", ("D", 4, 8)],
    sev="low",
    confidence="medium",
    kw=[".ingest.sentry.io", ".ingest.us.sentry.io"],
)
R(
    "grafana-cloud-api-token",
    "Grafana Cloud access policy token",
    F,
    ["glc_", ("B64", 32, 120), "="],
    sev="high",
)
R(
    "grafana-service-account-token",
    "Grafana service account token",
    F,
    ["glsa_", ("AN", 32), "_", ("HEX", 8)],
    sev="high",
)
R("grafana-api-key", "Grafana API key (legacy)", F, ["eyJrIjoi", ("B64", 70, 100), "="], sev="high")
R(
    "honeycomb-api-key",
    "Honeycomb API key",
    F,
    ["hc", ("LOW", 1), "ik_", ("LAN", 58)],
    sev="high",
    kw=["hcaik_", "hcbik_", "hcxik_", "hcaic_"],
)
R(
    "honeycomb-legacy-key",
    "Honeycomb API key (legacy)",
    F,
    [("AN", 32)],
    ctx=["honeycomb_api_key", "honeycomb_writekey", "honeycomb_key"],
    sev="high",
    ent=3.5,
)
R("dynatrace-api-token", "Dynatrace API token", F, ["dt0c01.", ("UAN", 24), ".", ("UAN", 64)], sev="high")
R(
    "splunk-hec-token",
    "Splunk HTTP Event Collector token",
    F,
    [UUID],
    ctx=["splunk_hec_token", "splunk_token", "hec_token"],
    sev="high",
)
R(
    "pagerduty-api-key",
    "PagerDuty API key",
    F,
    [("AND", 20)],
    ctx=["pagerduty_api_key", "pagerduty_token", "pd_api_key"],
    sev="high",
    ent=3.5,
)
R("opsgenie-api-key", "Opsgenie API key", F, [UUID], ctx=["opsgenie_api_key", "opsgenie_key"], sev="high")
R(
    "rollbar-access-token",
    "Rollbar access token",
    F,
    [("HEX", 32)],
    ctx=["rollbar_access_token", "rollbar_token", "rollbar_server_token"],
    sev="medium",
)
R(
    "bugsnag-api-key",
    "Bugsnag API key",
    F,
    [("HEX", 32)],
    ctx=["bugsnag_api_key", "bugsnag_key"],
    sev="medium",
)
R(
    "loggly-token",
    "Loggly customer token",
    F,
    [UUID],
    ctx=["loggly_token", "loggly_customer_token"],
    sev="medium",
)
R(
    "sumologic-access-key",
    "Sumo Logic access key",
    F,
    [("AN", 64)],
    ctx=["sumo_access_key", "sumologic_access_key"],
    sev="high",
    ent=4.0,
)
R("axiom-api-token", "Axiom API token", F, ["xaat-", UUID], sev="high")
R("axiom-personal-token", "Axiom personal token", F, ["xapt-", UUID], sev="high")
R("coralogix-api-key", "Coralogix API key", F, ["cxtp_", ("AN", 30)], sev="high")
R("elastic-cloud-api-key", "Elastic Cloud API key", F, ["essu_", ("B64", 60, 90)], sev="high")
R(
    "elasticsearch-api-key",
    "Elasticsearch API key",
    F,
    [("AND", 20), ":", ("AND", 22)],
    ctx=["elasticsearch_api_key", "es_api_key", "elastic_api_key"],
    sev="high",
)
R(
    "logdna-ingestion-key",
    "Mezmo (LogDNA) ingestion key",
    F,
    [("HEX", 32)],
    ctx=["logdna_key", "logdna_ingestion_key", "mezmo_ingestion_key"],
    sev="medium",
)
R(
    "raygun-api-key",
    "Raygun API key",
    F,
    [("AN", 22)],
    ctx=["raygun_api_key", "raygun_apikey"],
    sev="medium",
    ent=3.5,
)
R(
    "lightstep-access-token",
    "Lightstep access token",
    F,
    [("AN", 84)],
    ctx=["lightstep_access_token", "ls_access_token"],
    sev="medium",
    ent=4.0,
)
R(
    "instana-agent-key",
    "Instana agent key",
    F,
    [("AND", 22)],
    ctx=["instana_agent_key"],
    sev="medium",
    ent=3.5,
)
R("checkly-api-key", "Checkly API key", F, ["cu_", ("HEX", 32)], sev="medium")
R("statuspage-api-key", "Atlassian Statuspage API key", F, [UUID], ctx=["statuspage_api_key"], sev="medium")
R(
    "uptimerobot-api-key",
    "UptimeRobot API key",
    F,
    ["u", ("D", 6, 7), "-", ("HEX", 24)],
    ctx=["uptimerobot_api_key", "uptime_robot_api_key"],
    sev="medium",
)
R(
    "betterstack-token",
    "Better Stack source token",
    F,
    [("AN", 24)],
    ctx=["betterstack_token", "logtail_source_token", "better_stack_token"],
    sev="medium",
    ent=3.5,
)

# ---------------------------------------------------------------- SaaS and databases
F = "saas-databases"
R(
    "mongodb-atlas-uri",
    "MongoDB Atlas connection string with password",
    F,
    [("AND", 8, 40)],
    prefix_regex=r"mongodb\+srv://[A-Za-z0-9._%-]{1,64}:",
    kw=["mongodb+srv://"],
    sev="critical",
    example_prefix="mongodb+srv://appuser:",
    ent=3.0,
)
R(
    "mongodb-atlas-api-private-key",
    "MongoDB Atlas API private key",
    F,
    [UUID],
    ctx=["atlas_private_key", "mongodb_atlas_private_key", "mongodb_atlas_api_private_key"],
    sev="critical",
)
R("supabase-access-token", "Supabase personal access token", F, ["sbp_", ("HEX", 40)], sev="critical")
R("supabase-secret-key", "Supabase secret API key", F, ["sb_secret_", ("AND", 31)], sev="critical")
R(
    "supabase-service-role-key",
    "Supabase service role key",
    F,
    ["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.", ("AND", 100, 160), ".", ("AND", 43)],
    ctx=["supabase_service_role_key", "service_role_key", "supabase_service_key"],
    kw=["service_role_key", "supabase_service_key"],
    sev="critical",
)
R("planetscale-password", "PlanetScale database password", F, ["pscale_pw_", ("AND", 43)], sev="critical")
R("planetscale-api-token", "PlanetScale service token", F, ["pscale_tkn_", ("AND", 43)], sev="critical")
R("planetscale-oauth-token", "PlanetScale OAuth token", F, ["pscale_oauth_", ("AND", 43)], sev="critical")
R(
    "firebase-cloud-messaging-key",
    "Firebase Cloud Messaging server key",
    F,
    ["AAAA", ("AND", 7), ":APA91b", ("AND", 134)],
    sev="high",
    kw=[":apa91b"],
)
R(
    "firebase-database-secret",
    "Firebase Realtime Database secret",
    F,
    [("AN", 40)],
    ctx=["firebase_secret", "firebase_database_secret", "firebase_db_secret"],
    sev="critical",
    ent=3.5,
)
R(
    "atlassian-api-token",
    "Atlassian API token",
    F,
    ["ATATT3", ("AND", 180, 190), "=", ("HEXU", 8)],
    sev="critical",
)
R(
    "atlassian-legacy-api-token",
    "Atlassian API token (legacy 24-character)",
    F,
    [("AN", 24)],
    ctx=["jira_api_token", "confluence_api_token", "atlassian_api_token", "jira_token"],
    sev="high",
    ent=3.5,
)
R(
    "notion-integration-token",
    "Notion integration token",
    F,
    ["secret_", ("AN", 43)],
    sev="high",
    kw=["secret_"],
)
R("notion-api-token", "Notion API token", F, ["ntn_", ("D", 11), ("AN", 35)], sev="high")
R("linear-api-key", "Linear API key", F, ["lin_api_", ("AN", 40)], sev="high")
R("linear-oauth-token", "Linear OAuth token", F, ["lin_oauth_", ("HEX", 64)], sev="high")
R(
    "okta-api-token",
    "Okta API token",
    F,
    ["00", ("AND", 40)],
    ctx=["okta_api_token", "okta_token", "okta_client_token"],
    sev="critical",
    ent=3.5,
)
R(
    "auth0-client-secret",
    "Auth0 client secret",
    F,
    [("AND", 64)],
    ctx=["auth0_client_secret", "auth0_secret"],
    sev="critical",
    ent=4.0,
)
R(
    "auth0-management-token",
    "Auth0 Management API token",
    F,
    [
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6",
        ("AND", 30, 60),
        ".",
        ("AND", 200, 400),
        ".",
        ("AND", 300, 342),
    ],
    ctx=["auth0_management_token", "auth0_token", "auth0_api_token"],
    kw=["auth0_management_token", "auth0_token", "auth0_api_token"],
    sev="critical",
)
R(
    "airtable-pat",
    "Airtable personal access token",
    F,
    ["pat", ("AN", 14), ".", ("HEX", 64)],
    sev="high",
    kw=["pat"],
)
R(
    "airtable-api-key",
    "Airtable API key (legacy)",
    F,
    ["key", ("AN", 14)],
    ctx=["airtable_api_key", "airtable_key"],
    sev="high",
)
R(
    "asana-pat",
    "Asana personal access token",
    F,
    [("D", 1), "/", ("D", 16), "/", ("D", 16), ":", ("HEX", 32)],
    ctx=["asana_token", "asana_pat", "asana_access_token"],
    sev="high",
)
R("clickup-api-token", "ClickUp personal API token", F, ["pk_", ("D", 6, 9), "_", ("UAN", 32)], sev="high")
R("trello-api-token", "Trello API token", F, ["ATTA", ("HEX", 64), ("HEXU", 8)], sev="high")
R("figma-pat", "Figma personal access token", F, ["figd_", ("AND", 40)], sev="high")
R(
    "hubspot-private-app-token",
    "HubSpot private app access token",
    F,
    ["pat-", ("LAN", 2, 3), "1-", UUID],
    sev="high",
)
R(
    "salesforce-access-token",
    "Salesforce access token",
    F,
    ["00D", ("AN", 12), "!", ("AN", 10), ".", ("AND", 80, 100)],
    sev="critical",
)
R("segment-public-api-token", "Segment Public API token", F, ["sgp_", ("AN", 64)], sev="high")
R(
    "algolia-admin-api-key",
    "Algolia admin API key",
    F,
    [("HEX", 32)],
    ctx=["algolia_admin_key", "algolia_admin_api_key", "algolia_api_key", "algolia_write_key"],
    sev="high",
)
R(
    "mapbox-secret-token",
    "Mapbox secret access token",
    F,
    ["sk.eyJ1Ijoi", ("AND", 40, 80), ".", ("AND", 22)],
    sev="high",
)
R("shippo-api-token", "Shippo live API token", F, ["shippo_live_", ("HEX", 40)], sev="high")
R("typeform-pat", "Typeform personal access token", F, ["tfp_", ("AND", 44), "_", ("AND", 14)], sev="high")
R("contentful-pat", "Contentful personal access token", F, ["CFPAT-", ("AND", 43)], sev="high")
R(
    "cloudinary-url",
    "Cloudinary URL with API secret",
    F,
    [("AND", 27)],
    prefix_regex=r"cloudinary://[0-9]{12,16}:",
    kw=["cloudinary://"],
    sev="high",
    example_prefix="cloudinary://839215473860514:",
    ent=3.5,
)
R("neon-api-key", "Neon API key", F, ["napi_", ("LAN", 64)], sev="critical")
R(
    "upstash-redis-token",
    "Upstash Redis REST token",
    F,
    ["A", ("AND", 60, 80), "="],
    ctx=["upstash_redis_rest_token", "upstash_token", "kv_rest_api_token"],
    sev="critical",
)
R(
    "fauna-secret",
    "Fauna secret",
    F,
    ["fn", ("AND", 38)],
    ctx=["fauna_secret", "faunadb_secret", "fauna_key"],
    sev="critical",
)
R(
    "influxdb-token",
    "InfluxDB API token",
    F,
    [("AND", 86), "=="],
    ctx=["influxdb_token", "influx_token", "docker_influxdb_init_admin_token"],
    sev="critical",
)
R(
    "confluent-api-secret",
    "Confluent Cloud API secret",
    F,
    [("B64", 64)],
    ctx=["confluent_api_secret", "confluent_secret", "sasl_password_confluent"],
    sev="critical",
    ent=4.0,
)
R("posthog-personal-api-key", "PostHog personal API key", F, ["phx_", ("AN", 43)], sev="high")
R(
    "mixpanel-api-secret",
    "Mixpanel API secret",
    F,
    [("HEX", 32)],
    ctx=["mixpanel_api_secret", "mixpanel_secret"],
    sev="medium",
)
R(
    "amplitude-secret-key",
    "Amplitude secret key",
    F,
    [("HEX", 32)],
    ctx=["amplitude_secret_key", "amplitude_secret"],
    sev="medium",
)
R("box-client-secret", "Box client secret", F, [("AN", 32)], ctx=["box_client_secret"], sev="high", ent=3.5)
R("dropbox-short-lived-token", "Dropbox access token", F, ["sl.", ("AND", 135)], sev="high", kw=["sl."])
R(
    "dropbox-api-secret",
    "Dropbox app secret",
    F,
    [("LAN", 15)],
    ctx=["dropbox_app_secret", "dropbox_secret"],
    sev="high",
    ent=3.3,
)
R(
    "onepassword-service-account-token",
    "1Password service account token",
    F,
    ["ops_eyJ", ("B64", 250, 300), "="],
    sev="critical",
)
R(
    "onepassword-secret-key",
    "1Password account secret key",
    F,
    ["A3-", ("UAN", 6), "-", ("UAN", 11), "-", ("UAN", 5), "-", ("UAN", 5), "-", ("UAN", 5)],
    sev="critical",
)
R(
    "akamai-client-secret",
    "Akamai EdgeGrid client secret",
    F,
    [("B64", 43), "="],
    ctx=["client_secret_akamai", "akamai_client_secret"],
    sev="critical",
    ent=4.0,
)
R("databricks-token", "Databricks personal access token", F, ["dapi", ("HEX", 32)], sev="critical")
R(
    "snowflake-password",
    "Snowflake password",
    F,
    [("AND", 12, 64)],
    ctx=["snowflake_password", "sf_password"],
    sev="critical",
    ent=3.3,
)
R(
    "cockroachdb-api-key",
    "CockroachDB Cloud API key",
    F,
    ["CCDB1_", ("AN", 22), "_", ("AN", 40)],
    sev="critical",
)
R(
    "aiven-token",
    "Aiven API token",
    F,
    [("B64", 372)],
    ctx=["aiven_token", "aiven_api_token"],
    sev="critical",
    ent=4.5,
)
R("clickhouse-cloud-secret", "ClickHouse Cloud API secret", F, ["4b1d", ("AN", 38)], sev="critical")
R(
    "turso-auth-token",
    "Turso database token",
    F,
    ["eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.", ("AND", 100, 200), ".", ("AND", 86)],
    ctx=["turso_auth_token", "libsql_auth_token"],
    kw=["turso_auth_token", "libsql_auth_token"],
    sev="critical",
)
R(
    "contentstack-management-token",
    "Contentstack management token",
    F,
    ["cs", ("HEX", 32)],
    ctx=["contentstack_management_token"],
    sev="high",
)
R(
    "sanity-api-token",
    "Sanity API token",
    F,
    ["sk", ("AN", 78, 82)],
    ctx=["sanity_api_token", "sanity_token", "sanity_auth_token"],
    sev="high",
)
R(
    "storyblok-token",
    "Storyblok management token",
    F,
    [("AN", 22), "tt"],
    ctx=["storyblok_token", "storyblok_oauth_token"],
    sev="high",
    ent=3.5,
)
R(
    "prismic-token",
    "Prismic access token",
    F,
    [("AND", 43), "."],
    ctx=["prismic_token", "prismic_access_token"],
    sev="medium",
    ent=3.5,
)
R(
    "freshdesk-api-key",
    "Freshdesk API key",
    F,
    [("AN", 20)],
    ctx=["freshdesk_api_key", "freshdesk_key"],
    sev="high",
    ent=3.5,
)
R("zoho-refresh-token", "Zoho refresh token", F, ["1000.", ("HEX", 32), ".", ("HEX", 32)], sev="high")
R(
    "docusign-integration-secret",
    "DocuSign secret key",
    F,
    [UUID],
    ctx=["docusign_secret", "docusign_client_secret"],
    sev="high",
)
R("frameio-api-token", "Frame.io API token", F, ["fio-u-", ("AND", 64)], sev="high")
R(
    "defined-networking-api-token",
    "Defined Networking API token",
    F,
    ["dnkey-", ("AND", 26), "-", ("AND", 52)],
    sev="high",
)
R("adafruit-io-key", "Adafruit IO key", F, ["aio_", ("AN", 28)], sev="medium")
R(
    "beamer-api-token",
    "Beamer API token",
    F,
    ["b_", ("AND", 44)],
    ctx=["beamer_api_key", "beamer_token"],
    sev="medium",
)
R("age-secret-key", "age encryption secret key", F, ["AGE-SECRET-KEY-1", ("AGE", 58)], sev="critical")
R(
    "mapquest-api-key",
    "MapQuest API key",
    F,
    [("AN", 32)],
    ctx=["mapquest_key", "mapquest_api_key"],
    sev="medium",
    ent=3.5,
)
R(
    "ngrok-authtoken",
    "ngrok auth token",
    F,
    [("AN", 27), "_", ("AN", 21)],
    ctx=["ngrok_authtoken", "authtoken", "ngrok_auth_token"],
    sev="high",
)
R(
    "tailscale-auth-key",
    "Tailscale auth key",
    F,
    ["tskey-", ("LOW", 3, 6), "-", ("AN", 10, 20), "-", ("AN", 30, 40)],
    sev="critical",
)
R(
    "cloudflare-tunnel-token",
    "Cloudflare tunnel token",
    F,
    ["eyJhIjoi", ("B64", 150, 250)],
    ctx=["tunnel_token", "cloudflared_token"],
    sev="critical",
)
R(
    "sendgrid-legacy-key",
    "Twilio SendGrid subuser key",
    F,
    ["SG.", ("AND", 22), ".", ("AND", 43)],
    ctx=["sendgrid_subuser"],
    sev="high",
)
R("mailersend-api-token", "MailerSend API token", F, ["mlsn.", ("HEX", 64)], sev="high")
R("resend-api-key", "Resend API key", F, ["re_", ("AN", 8), "_", ("AN", 24)], sev="high")
R("loops-api-key", "Loops API key", F, [("HEX", 32)], ctx=["loops_api_key"], sev="medium")
R(
    "convertkit-api-secret",
    "Kit (ConvertKit) API secret",
    F,
    [("AND", 43)],
    ctx=["convertkit_api_secret", "kit_api_secret"],
    sev="high",
    ent=3.5,
)
R("mux-token-secret", "Mux token secret", F, [("B64", 75)], ctx=["mux_token_secret"], sev="high", ent=4.0)
R(
    "cloudinary-api-secret",
    "Cloudinary API secret",
    F,
    [("AND", 27)],
    ctx=["cloudinary_api_secret"],
    sev="high",
    ent=3.5,
)
R(
    "imagekit-private-key",
    "ImageKit private key",
    F,
    ["private_", ("AND", 28), "="],
    sev="high",
    kw=["private_"],
)
R(
    "uploadthing-secret",
    "UploadThing secret",
    F,
    ["sk_live_", ("HEX", 64)],
    ctx=["uploadthing_secret"],
    sev="high",
)
R(
    "clerk-secret-key",
    "Clerk secret key",
    F,
    ["sk_live_", ("AN", 40, 50)],
    ctx=["clerk_secret_key"],
    sev="critical",
)
R("stytch-secret", "Stytch secret", F, ["secret-live-", ("AND", 36)], sev="critical")
R("workos-api-key", "WorkOS API key", F, ["sk_live_", ("AN", 60, 80)], ctx=["workos_api_key"], sev="critical")
R(
    "frontegg-client-secret",
    "Frontegg API key",
    F,
    [UUID],
    ctx=["frontegg_api_key", "frontegg_secret"],
    sev="high",
)
R(
    "algolia-search-key-admin",
    "Meilisearch master key",
    F,
    [("AND", 32, 64)],
    ctx=["meili_master_key", "meilisearch_master_key"],
    sev="high",
    ent=3.5,
)
R(
    "typesense-api-key",
    "Typesense admin API key",
    F,
    [("AN", 32)],
    ctx=["typesense_api_key", "typesense_admin_key"],
    sev="high",
    ent=3.5,
)
R("weaviate-api-key", "Weaviate API key", F, [("AN", 40)], ctx=["weaviate_api_key"], sev="high", ent=3.5)
R("qdrant-api-key", "Qdrant Cloud API key", F, [("AND", 40, 80)], ctx=["qdrant_api_key"], sev="high", ent=3.5)


# ---------------------------------------------------------------- emit

CONTEXT_SEP = r"[\w.-]{0,25}[\"']?\s{0,5}(?:=|:=|:|=>)\s{0,5}[\"']?"


def context_keyword(name: str) -> str:
    """The literal every spelling of a context name contains: its first word when long enough."""
    first = name.lower().split("_")[0]
    if len(first) >= 5 and "_" in name and first not in COMMON_WORDS:
        return first
    return name.lower()


COMMON_WORDS = frozenset(
    {"access", "system", "client", "secret", "token", "server", "private", "channel", "page", "meta", "line",
     "wise", "auth", "store", "storage", "spaces", "runner", "actions", "service", "hooks", "config", "build"}
)  # fmt: skip


def build(rule: dict, rng: random.Random) -> dict:
    body = rule["body"]
    token_re = body_regex(body)
    guard = tail_guard(body)
    if rule["ctx"]:
        # ``aws_session_token`` also matches ``awsSessionToken`` and ``aws-session-token``.
        names = "|".join(re.escape(n).replace("_", "[_.-]?") for n in rule["ctx"])
        regex = f"(?i:{names}){CONTEXT_SEP}({token_re}){guard}"
        keywords = rule["kw"] or sorted({context_keyword(n) for n in rule["ctx"]})
    elif rule["prefix_regex"]:
        regex = f"{rule['prefix_regex']}({token_re}){guard}"
        keywords = rule["kw"]
    elif isinstance(body[0], str):
        # The literal first (Python's re then searches for it quickly), the boundary check after it.
        first = re.escape(body[0])
        regex = f"({first}(?<![A-Za-z0-9]{first}){body_regex(body[1:])}){guard}"
        keywords = rule["kw"] or [body[0].lower()]
    else:
        regex = f"{head_guard(body)}({token_re}){guard}"
        keywords = rule["kw"] or [body[0].lower()]
    compiled = re.compile(regex)
    for _ in range(200):
        token = body_sample(body, rng)
        if not (
            filters.is_placeholder(token)
            or filters.is_template_reference(token)
            or filters.looks_like_identifier(token)
            or (rule["ent"] and shannon_entropy(token) < rule["ent"] + 0.3)
        ):
            break
    short = body_sample(body, rng, truncate=True)
    var = rule["id"].upper().replace("-", "_")
    if rule["ctx"]:
        name = rule["ctx"][0]
        if name.startswith('"'):
            example = f'{{{name}: "{token}"}}'
            counter = f'{{{name}: "{short}"}}'
        else:
            example = f'{name} = "{token}"'
            counter = f'{name} = "{short}"'
        if rule["kw"] and not any(k in example.lower() for k in rule["kw"]):
            example = f"# {rule['kw'][0]}\n{example}"
            counter = f"# {rule['kw'][0]}\n{counter}"
    elif rule["prefix_regex"]:
        example = f'url = "{rule["example_prefix"]}{token}"'
        counter = f'url = "{rule["example_prefix"]}{short}"'
    else:
        example = f'{var} = "{token}"'
        counter = f'{var} = "{short}"'
        if rule["kw"] and not any(k in example.lower() for k in rule["kw"]):
            example = f"# {rule['kw'][0]} credentials\n{example}"
            counter = f"# {rule['kw'][0]} credentials\n{counter}"
    assert compiled.search(example), (rule["id"], example)
    found = compiled.search(counter)
    assert not found, (rule["id"], counter)
    return dict(rule, regex=regex, keywords=keywords, example=example, counter=counter)


def toml_string(value: str) -> str:
    if "'''" in value:
        raise ValueError(value)
    return f"'''{value}'''" if "\n" in value or "\\" in value or "'" in value else f"'{value}'"


def window_before(rule: dict, window: int) -> int:
    """How far before its keyword a match can start: 64 when the keyword is the token's prefix or
    the assignment's name; the length of the parts before the keyword otherwise; the whole window
    when the keyword is only nearby context (``twilio`` near an ``SK…`` key)."""
    if rule["ctx"] and not rule["kw"]:
        return 64
    if rule["prefix_regex"] and rule["kw"]:
        return 64
    if not rule["kw"]:
        return 64
    reach = 0
    for part in rule["body"]:
        if isinstance(part, str) and any(k in part.lower() for k in rule["kw"]):
            return max(64, reach + 64)
        reach += len(part) if isinstance(part, str) else part[-1]
    return window


def describe(rule: dict) -> str:
    if rule["desc"]:
        return rule["desc"]
    return f"A {rule['title']}. Whoever holds it can act with its permissions until it is revoked."


def emit() -> None:
    rng = random.Random(20261203)
    by_family: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for rule in RULES:
        assert rule["id"] not in seen, rule["id"]
        seen.add(rule["id"])
        by_family.setdefault(rule["family"], []).append(build(rule, rng))
    for family, rules in by_family.items():
        lines = [
            f"# Ridgeline secret rules: {family}. Generated by bench/secrets/make_rules.py, then reviewed.",
            "# Examples are random strings in the providers' formats (seeded RNG); none is a real credential.",
            "",
        ]
        for rule in rules:
            lines += [
                "[[rules]]",
                f'id = "{rule["id"]}"',
                f"title = {toml_string(rule['title'])}",
                f"description = {toml_string(describe(rule))}",
                f'severity = "{rule["sev"]}"',
            ]
            if rule["confidence"]:
                lines.append(f'confidence = "{rule["confidence"]}"')
            lines.append("keywords = [" + ", ".join(toml_string(k) for k in rule["keywords"]) + "]")
            lines.append(f"regex = '''{rule['regex']}'''")
            if rule["ent"]:
                lines.append(f"entropy = {rule['ent']}")
            longest = sum(len(p) if isinstance(p, str) else p[-1] for p in rule["body"])
            window = longest + 256 if longest + 128 > 512 else 512
            if window != 512:
                lines.append(f"window = {window}")
            if rule["ctx"] and not rule["kw"]:
                lines.append("anchored = true")
            before = window_before(rule, window)
            if before != 64:
                lines.append(f"window_before = {before}")
            # The marker keeps a scan of Ridgeline's own sources from reporting its test data.
            lines.append(f"examples = [{toml_string(rule['example'])}]  # ridgeline:ignore")
            lines.append(f"counter_examples = [{toml_string(rule['counter'])}]  # ridgeline:ignore")
            lines.append("")
        (OUT / f"{family}.toml").write_text("\n".join(lines), encoding="utf-8")
        print(f"{family}: {len(rules)} rules")
    print(f"total generated: {len(RULES)}")


if __name__ == "__main__":
    emit()
