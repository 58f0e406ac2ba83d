"""infra/: Terraform and compose parsed and held to their security properties; checkov clean."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml

from vault.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
TERRAFORM = INFRA / "terraform"
KEY_POLICY = ROOT / "keys" / "kms-key-policy.json"
IN_CI = os.environ.get("CI", "").lower() == "true"

_HCL = hcl2.SerializationOptions(
    strip_string_quotes=True, explicit_blocks=False, with_comments=False
)
_TLS_ONLY = ("Bool", "aws:SecureTransport", ["false"])


@dataclass
class Terraform:
    """Every top-level block of a Terraform directory, merged across its files."""

    blocks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    directory: Path = Path()

    @classmethod
    def load(cls, directory: Path) -> Terraform:
        merged = cls(directory=directory)
        for path in sorted(directory.glob("*.tf")):
            parsed = hcl2.loads(path.read_text(encoding="utf-8"), serialization_options=_HCL)
            for kind, entries in parsed.items():
                merged.blocks.setdefault(kind, []).extend(entries)
        return merged

    def _labelled(self, kind: str, type_: str) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for entry in self.blocks.get(kind, []):
            found.update(entry.get(type_, {}))
        return found

    def resources(self, type_: str) -> dict[str, dict[str, Any]]:
        return self._labelled("resource", type_)

    def data(self, type_: str) -> dict[str, dict[str, Any]]:
        return self._labelled("data", type_)

    def singles(self, kind: str) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for entry in self.blocks.get(kind, []):
            found.update(entry)
        return found

    def calls(self, source: str) -> dict[str, Scope]:
        """The module calls of `source`, each as the module seen with that call's inputs."""
        return {
            name: Scope(Terraform.load(self.directory / source), call)
            for name, call in self.singles("module").items()
            if call.get("source") == source
        }


@dataclass
class Scope:
    """A module read as one call instantiates it: `${var.x}` stands for the call's argument."""

    tf: Terraform
    inputs: dict[str, Any] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        match = re.fullmatch(r"\$\{var\.(\w+)\}", value) if isinstance(value, str) else None
        if not match:
            return value
        name = match.group(1)
        if name in self.inputs:
            return self.inputs[name]
        return self.tf.singles("variable").get(name, {}).get("default", value)

    def for_bucket(self, type_: str, bucket: str) -> dict[str, Any] | None:
        """The `type_` resource attached to aws_s3_bucket.<bucket> in this scope, if any."""
        ref = f"${{aws_s3_bucket.{bucket}.id}}"
        found = (r for r in self.tf.resources(type_).values() if r.get("bucket") == ref)
        resource = next(found, None)
        return None if resource is None else self.resolve(resource)


@dataclass
class Bucket:
    """A bucket of the stack: its logical name, the scope it is declared in, its local label."""

    name: str
    scope: Scope
    label: str

    def part(self, type_: str) -> dict[str, Any] | None:
        return self.scope.for_bucket(type_, self.label)

    @property
    def arn(self) -> str:
        return f"${{aws_s3_bucket.{self.label}.arn}}"


HARDENED_BUCKET = "./modules/hardened_bucket"


def buckets_of(tf: Terraform) -> dict[str, Bucket]:
    """Plain buckets of the root and one per hardened_bucket call (`vault_bucket` is `vault`)."""
    found = {name: Bucket(name, Scope(tf), name) for name in tf.resources("aws_s3_bucket")}
    for call, scope in tf.calls(HARDENED_BUCKET).items():
        for label in scope.tf.resources("aws_s3_bucket"):
            name = call.removesuffix("_bucket")
            found[name] = Bucket(name, scope, label)
    return found


def statements(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The statements of an aws_iam_policy_document, dynamic ones included."""
    yield from document.get("statement", [])
    for dynamic in document.get("dynamic", []):
        yield from dynamic.get("statement", {}).get("content", [])


def conditions(statement: dict[str, Any]) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(c["test"], c["variable"], tuple(c["values"])) for c in statement.get("condition", [])}


def _document_of(reference: str) -> str:
    match = re.fullmatch(r"\$\{data\.aws_iam_policy_document\.(\w+)\.json\}", reference)
    assert match, f"policy {reference!r} is not an aws_iam_policy_document"
    return match.group(1)


# The vault role may do exactly this; a new permission has to be added here, on purpose.
VAULT_ROLE_ACTIONS = {
    "s3:PutObject",
    "s3:PutObjectRetention",  # audit segments carry their own Object Lock retention
    "s3:AbortMultipartUpload",
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:DeleteObjectVersion",
    "s3:GetBucketVersioning",
    "s3:ListBucket",  # the audit bucket only, under its prefix: shipping resumes from names
    "kms:DescribeKey",
    "kms:GenerateDataKey",
    "kms:Decrypt",
    "kms:ReEncryptFrom",
    "kms:ReEncryptTo",
}
KEY_ARN = '${aws_kms_key.key["%s"].arn}'
VAULT_ROLE_RESOURCES = {
    "${module.vault_bucket.arn}/${var.vault_s3_prefix}*",
    "${module.vault_bucket.arn}",
    KEY_ARN % "vault",
    KEY_ARN % "objects",
    "${module.audit_bucket.arn}/${var.audit_s3_prefix}*",
    "${module.audit_bucket.arn}",
}
# The vault key's policy demands a tenant in every context, which S3 cannot send.
BUCKET_KEYS = {"vault": KEY_ARN % "objects", "audit": KEY_ARN % "audit"}
LOCK_COUNT = "${var.object_lock_enabled && var.object_lock_days > 0 ? 1 : 0}"


def bucket_problems(tf: Terraform) -> list[str]:
    """Every S3 bucket: versioned, private, encrypted, TLS-only, expiring what it should."""
    problems: list[str] = []
    buckets = buckets_of(tf)
    if set(buckets) != {"vault", "audit", "access_logs"}:
        problems.append(f"unexpected bucket set {sorted(buckets)}")
    for name, bucket in buckets.items():
        versioning = bucket.part("aws_s3_bucket_versioning")
        if not versioning or versioning["versioning_configuration"][0]["status"] != "Enabled":
            problems.append(f"{name}: versioning is not enabled")
        block = bucket.part("aws_s3_bucket_public_access_block") or {}
        flags = ("block_public_acls", "block_public_policy", "ignore_public_acls")
        if not all(block.get(f) is True for f in (*flags, "restrict_public_buckets")):
            problems.append(f"{name}: public access block is not all four true")
        ownership = bucket.part("aws_s3_bucket_ownership_controls") or {"rule": [{}]}
        if ownership["rule"][0].get("object_ownership") != "BucketOwnerEnforced":
            problems.append(f"{name}: ACLs are not disabled")
        lifecycle = bucket.part("aws_s3_bucket_lifecycle_configuration") or {}
        rules = lifecycle.get("rule", [])
        if not any(r.get("abort_incomplete_multipart_upload") for r in rules):
            problems.append(f"{name}: incomplete multipart uploads are never aborted")
        if not any(r.get("noncurrent_version_expiration") for r in rules):
            problems.append(f"{name}: noncurrent versions never expire")
        if name != "access_logs":
            logging = bucket.part("aws_s3_bucket_logging") or {}
            if logging.get("target_bucket") != "${aws_s3_bucket.access_logs.id}":
                problems.append(f"{name}: access logging does not go to the log bucket")
        problems += _tls_problems(bucket)
        problems += _encryption_problems(bucket)
    if (
        "vault" in buckets
        and buckets["vault"].scope.resolve("${var.enforce_upload_key}") is not True
    ):
        problems.append("vault: uploads may ask for another encryption or key")
    return problems


def _tls_problems(bucket: Bucket) -> list[str]:
    policy = bucket.part("aws_s3_bucket_policy")
    if policy is None:
        return [f"{bucket.name}: no bucket policy"]
    document = bucket.scope.tf.data("aws_iam_policy_document")[_document_of(policy["policy"])]
    arn = bucket.arn
    for statement in statements(document):
        if (
            statement.get("effect") == "Deny"
            and statement.get("actions") == ["s3:*"]
            and set(statement.get("resources", [])) == {arn, f"{arn}/*"}
            and statement.get("principals") == [{"type": "*", "identifiers": ["*"]}]
            and (_TLS_ONLY[0], _TLS_ONLY[1], tuple(_TLS_ONLY[2])) in conditions(statement)
        ):
            return []
    return [f"{bucket.name}: bucket policy has no TLS-only deny statement"]


def _encryption_problems(bucket: Bucket) -> list[str]:
    config = bucket.part("aws_s3_bucket_server_side_encryption_configuration")
    if config is None:
        return [f"{bucket.name}: no default encryption"]
    rule = config["rule"][0]
    default = rule["apply_server_side_encryption_by_default"][0]
    if bucket.name == "access_logs":
        # S3 server access log delivery only supports SSE-S3 targets.
        ok = default.get("sse_algorithm") == "AES256"
        return [] if ok else [f"{bucket.name}: log bucket must use SSE-S3"]
    expected_key = BUCKET_KEYS[bucket.name]
    if (
        default.get("sse_algorithm") != "aws:kms"
        or default.get("kms_master_key_id") != expected_key
    ):
        return [f"{bucket.name}: default encryption is not SSE-KMS with {expected_key}"]
    if rule.get("bucket_key_enabled") is not True:
        return [f"{bucket.name}: S3 bucket key is off"]
    return []


def lock_problems(tf: Terraform) -> list[str]:
    """Object Lock: optional on the object bucket, compliance mode on the audit bucket."""
    problems: list[str] = []
    buckets = buckets_of(tf)
    vault, audit = buckets["vault"], buckets["audit"]
    resource = vault.scope.resolve(vault.scope.tf.resources("aws_s3_bucket")[vault.label])
    if resource.get("object_lock_enabled") != "${var.object_lock_enabled}":
        problems.append("vault: Object Lock is not driven by var.object_lock_enabled")
    if tf.singles("variable")["object_lock_enabled"].get("default") is not False:
        problems.append("vault: Object Lock must be opt-in")
    resource = audit.scope.resolve(audit.scope.tf.resources("aws_s3_bucket")[audit.label])
    if resource.get("object_lock_enabled") is not True:
        problems.append("audit: Object Lock is not enabled")
    lock = audit.part("aws_s3_bucket_object_lock_configuration") or {"rule": [{}]}
    retention = (lock["rule"][0].get("default_retention") or [{}])[0]
    if retention.get("mode") != "COMPLIANCE" or not retention.get("days"):
        problems.append("audit: default retention is not compliance mode with days")
    # The lock is counted in the module; with Object Lock on and days set, the count is 1.
    if lock.get("count", LOCK_COUNT) != LOCK_COUNT:
        problems.append("audit: default retention is counted by something else")
    return problems


def kms_problems(tf: Terraform) -> list[str]:
    """Three keys from one for_each resource: rotated, single-region symmetric keys."""
    problems: list[str] = []
    keys = tf.singles("locals").get("kms_keys", {})
    if set(keys) != {"vault", "objects", "audit"}:
        problems.append(f"unexpected KMS keys {sorted(keys)}")
    resources = tf.resources("aws_kms_key")
    if list(resources) != ["key"] or resources["key"].get("for_each") != "${local.kms_keys}":
        problems.append("kms: keys are not the one resource over local.kms_keys")
    key = resources.get("key", {})
    for name in keys:
        if key.get("enable_key_rotation") is not True:
            problems.append(f"kms {name}: key rotation is off")
        if key.get("key_usage") != "ENCRYPT_DECRYPT" or key.get("multi_region") is not False:
            problems.append(f"kms {name}: not a single-region symmetric key")
    if key.get("policy") != "${each.value.policy}":
        problems.append("kms: a key does not take its policy from local.kms_keys")
    policy = keys.get("vault", {}).get("policy", "")
    if not re.fullmatch(
        r'\$\{templatefile\("\$\{path\.module\}/\.\./\.\./keys/kms-key-policy\.json".*\}',
        policy,
        re.S,
    ):
        problems.append("kms vault: key policy is not templatefile(keys/kms-key-policy.json)")
    return problems


def vault_role_problems(tf: Terraform) -> list[str]:
    """The vault role: no wildcards, only its own bucket, prefix and keys; tenant-bound keys."""
    problems: list[str] = []
    documents = tf.data("aws_iam_policy_document")
    role_policies = tf.resources("aws_iam_role_policy")
    if {p["role"] for p in role_policies.values()} != {"${aws_iam_role.vault.id}"}:
        problems.append("vault role policies are not exactly the vault role's")
    if tf.resources("aws_iam_role_policy_attachment") or tf.resources("aws_iam_policy_attachment"):
        problems.append("a managed policy is attached somewhere; the vault role takes none")
    actions: set[str] = set()
    for policy in role_policies.values():
        for statement in statements(documents[_document_of(policy["policy"])]):
            problems += _statement_problems(statement)
            actions.update(statement.get("actions", []))
    if actions != VAULT_ROLE_ACTIONS:
        problems.append(f"vault role actions differ: {sorted(actions ^ VAULT_ROLE_ACTIONS)}")
    return problems


def _statement_problems(statement: dict[str, Any]) -> list[str]:
    sid = statement.get("sid", "?")
    problems: list[str] = []
    if statement.get("effect", "Allow") != "Allow" or "not_actions" in statement:
        problems.append(f"{sid}: only plain Allow statements belong in the vault role")
    for action in statement.get("actions", []):
        if "*" in action or "?" in action:
            problems.append(f"{sid}: wildcard action {action}")
    for resource in statement.get("resources", []):
        if resource not in VAULT_ROLE_RESOURCES:
            problems.append(f"{sid}: wildcard or foreign resource {resource}")
    kms_data = {"kms:GenerateDataKey", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo"}
    if kms_data & set(statement.get("actions", [])):
        found = conditions(statement)
        tenant = ("StringLike", "kms:EncryptionContext:tenant", ("?*",))
        via_s3 = ("StringEquals", "kms:ViaService", ("${local.s3_service_endpoint}",)) in found
        if tenant not in found and not via_s3:
            problems.append(f"{sid}: KMS data-key use without a tenant in the encryption context")
        if via_s3 and not any(c[1] == "kms:EncryptionContext:aws:s3:arn" for c in found):
            problems.append(f"{sid}: S3 key use is not bound to the bucket")
    return problems


def security_problems(directory: Path) -> list[str]:
    tf = Terraform.load(directory)
    return bucket_problems(tf) + lock_problems(tf) + kms_problems(tf) + vault_role_problems(tf)


# --- the real files -------------------------------------------------------------------------


def test_every_terraform_file_parses() -> None:
    files = sorted(p.relative_to(TERRAFORM).as_posix() for p in TERRAFORM.rglob("*.tf"))
    assert {"versions.tf", "variables.tf", "outputs.tf", "kms.tf", "s3.tf", "iam.tf"} <= set(files)
    assert {"modules/hardened_bucket/main.tf", "modules/hardened_bucket/variables.tf"} <= set(files)
    for name in files:
        assert hcl2.loads((TERRAFORM / name).read_text(encoding="utf-8")), name


def test_the_production_shape_has_no_security_problem() -> None:
    assert security_problems(TERRAFORM) == []


def test_provider_versions_are_pinned_exactly() -> None:
    (terraform,) = Terraform.load(TERRAFORM).blocks["terraform"]
    assert terraform["required_version"]
    (providers,) = terraform["required_providers"]
    assert providers["aws"]["source"] == "hashicorp/aws"
    assert re.fullmatch(r"\d+\.\d+\.\d+", providers["aws"]["version"])


def test_every_variable_is_typed_described_and_validated() -> None:
    tf = Terraform.load(TERRAFORM)
    variables = tf.singles("variable")
    assert variables
    for name, variable in variables.items():
        assert variable.get("type"), name
        assert variable.get("description"), name
        if variable["type"] != "bool":
            assert variable.get("validation"), f"{name} has no validation block"
    # Module inputs come from validated root values; each is still typed and described.
    for call, scope in tf.calls(HARDENED_BUCKET).items():
        for name, variable in scope.tf.singles("variable").items():
            assert variable.get("type") and variable.get("description"), f"{call}.{name}"
            required = "default" not in variable
            assert not required or name in scope.inputs, f"{call} does not pass {name}"


def test_outputs_name_the_settings_the_vault_reads() -> None:
    outputs = Terraform.load(TERRAFORM).singles("output")
    env = outputs["vault_env"]["value"]
    assert env["VAULT_STORE"] == "s3"
    assert env["VAULT_KMS"] == "aws"
    assert env["VAULT_S3_BUCKET"] == "${module.vault_bucket.id}"
    assert env["VAULT_KMS_KEY_ID"] == KEY_ARN % "vault"
    # Bucket policy DenyOtherKmsKey compares against the key ARN, so the vault must send the ARN.
    assert env["VAULT_S3_SSE_KMS_KEY_ID"] == KEY_ARN % "objects"
    secret = outputs["vault_secret_env"]["value"]
    assert set(secret) == {"VAULT_DATABASE_URL", "GROQ_API_KEY"}
    assert all(value.startswith("${local.") for value in secret.values())
    fields = set(Settings.model_fields)
    for name in [*env, *secret]:
        if name.startswith("VAULT_"):
            assert name.removeprefix("VAULT_").lower() in fields, f"{name} is no setting"


def test_no_secret_value_is_managed_by_terraform() -> None:
    tf = Terraform.load(TERRAFORM)
    for type_ in ("aws_ssm_parameter", "aws_secretsmanager_secret_version", "aws_db_instance"):
        assert not tf.resources(type_), f"{type_} would put a secret into state"
    text = "\n".join(p.read_text(encoding="utf-8") for p in INFRA.rglob("*") if p.is_file())
    assert not re.search(r"AKIA[0-9A-Z]{16}|-----BEGIN|postgres(ql)?(\+\w+)?://\w+:\w+@", text)


def test_the_vault_key_policy_template_renders_to_a_policy() -> None:
    template = KEY_POLICY.read_text(encoding="utf-8")
    placeholders = set(re.findall(r"(?<!\$)\$\{(\w+)\}", template))
    assert placeholders == {"account_id", "vault_role_arn", "admin_role_arn"}
    rendered = template
    values = {
        "account_id": "111122223333",
        "vault_role_arn": "arn:aws:iam::111122223333:role/vault",
        "admin_role_arn": "arn:aws:iam::111122223333:role/admin",
    }
    for name, value in values.items():
        rendered = rendered.replace(f"${{{name}}}", value)
    policy = json.loads(rendered)
    assert policy["Statement"]
    for statement in policy["Statement"]:
        if statement.get("Effect") != "Allow":
            continue  # a Deny naming everyone only narrows the key's use
        principal = statement.get("Principal")
        assert principal not in ("*", {"AWS": "*"}), statement.get("Sid")
        if _names(principal, values["vault_role_arn"]):
            assert "kms:*" not in statement.get("Action", []), "the vault must not administer"


def _names(principal: Any, arn: str) -> bool:
    if not isinstance(principal, dict):
        return False
    aws = principal.get("AWS", [])
    return arn in ([aws] if isinstance(aws, str) else aws)


# --- the checks bite: each breaks one property in a copy and must be caught --------------------

BUCKET_MODULE = "modules/hardened_bucket/main.tf"
MUTATIONS = [
    (
        BUCKET_MODULE,
        'status = "Enabled"',
        'status = "Suspended"',
        "vault: versioning is not enabled",
    ),
    (
        BUCKET_MODULE,
        "restrict_public_buckets = true",
        "restrict_public_buckets = false",
        "vault: public access block",
    ),
    (
        BUCKET_MODULE,
        'sse_algorithm     = "aws:kms"',
        'sse_algorithm     = "AES256"',
        "vault: default encryption is not SSE-KMS",
    ),
    (
        BUCKET_MODULE,
        'variable = "aws:SecureTransport"',
        'variable = "aws:UserAgent"',
        "vault: bucket policy has no TLS-only",
    ),
    (
        BUCKET_MODULE,
        "abort_incomplete_multipart_upload {",
        "expired_object_delete_marker_x {",
        "vault: incomplete multipart uploads",
    ),
    (
        "kms.tf",
        "enable_key_rotation      = true",
        "enable_key_rotation      = false",
        "kms vault: key rotation is off",
    ),
    ("iam.tf", '"s3:GetObjectVersion",', '"s3:*",', "wildcard action s3:*"),
    (
        "iam.tf",
        'resources = [aws_kms_key.key["vault"].arn]',
        'resources = ["*"]',
        "wildcard or foreign resource *",
    ),
    (
        "iam.tf",
        'variable = "kms:EncryptionContext:tenant"',
        'variable = "kms:EncryptionContext:x"',
        "without a tenant",
    ),
    (
        "audit.tf",
        'object_lock_mode    = "COMPLIANCE"',
        'object_lock_mode    = "GOVERNANCE"',
        "audit: default retention",
    ),
    # What each call hands the module matters as much as the module itself.
    (
        "s3.tf",
        'kms_key_arn        = aws_kms_key.key["objects"].arn',
        'kms_key_arn        = aws_kms_key.key["audit"].arn',
        "vault: default encryption is not SSE-KMS",
    ),
    ("s3.tf", "enforce_upload_key = true", "enforce_upload_key = false", "vault: uploads may ask"),
    (
        "audit.tf",
        "log_bucket  = aws_s3_bucket.access_logs.id",
        "log_bucket  = module.vault_bucket.id",
        "audit: access logging does not go to the log bucket",
    ),
    (
        "audit.tf",
        "object_lock_enabled = true",
        "object_lock_enabled = false",
        "audit: Object Lock is not",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "problem"), MUTATIONS)
def test_a_weakened_copy_is_caught(
    tmp_path: Path, file: str, old: str, new: str, problem: str
) -> None:
    copy = tmp_path / "terraform"
    shutil.copytree(TERRAFORM, copy)
    text = (copy / file).read_text(encoding="utf-8")
    assert old in text, f"mutation anchor {old!r} is gone from {file}"
    (copy / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    found = security_problems(copy)
    assert any(problem in p for p in found), found


# --- compose and Dockerfile -----------------------------------------------------------------


def _compose() -> dict[str, Any]:
    loaded = yaml.safe_load((INFRA / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_compose_runs_the_vault_with_postgres_and_healthchecks() -> None:
    services = _compose()["services"]
    assert {"vault", "postgres"} <= set(services)
    for name in ("vault", "postgres"):
        check = services[name]["healthcheck"]["test"]
        assert check[0] in ("CMD", "CMD-SHELL"), name
    assert "/healthz" in " ".join(services["vault"]["healthcheck"]["test"])
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])
    vault = services["vault"]
    assert vault["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert (INFRA / vault["build"]["dockerfile"].removeprefix("infra/")).is_file()
    assert vault["build"]["dockerfile"] == "infra/Dockerfile"


def test_compose_env_names_real_settings_and_holds_no_secret() -> None:
    services = _compose()["services"]
    env = services["vault"]["environment"]
    url = env["VAULT_DATABASE_URL"]
    assert url.startswith("postgresql+psycopg://vault:${POSTGRES_PASSWORD:?")
    assert url.endswith("@postgres:5432/vault")
    assert services["postgres"]["environment"]["POSTGRES_PASSWORD"].startswith(
        "${POSTGRES_PASSWORD:?"
    )
    fields = set(Settings.model_fields)
    for name in env:
        if name.startswith("VAULT_"):
            assert name.removeprefix("VAULT_").lower() in fields, f"{name} is no setting"
    for port in services["vault"].get("ports", []):
        assert str(port).startswith("127.0.0.1:"), "the vault port must not be public by default"


def test_the_image_runs_unprivileged_offline_and_reports_health() -> None:
    dockerfile = (INFRA / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^USER (?!root\b)\w+", dockerfile, re.M)
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", dockerfile, re.M)
    assert "--no-index" in dockerfile
    assert "-c requirements.lock" in dockerfile
    assert all(":latest" not in line for line in dockerfile.splitlines() if line.startswith("FROM"))


# --- checkov --------------------------------------------------------------------------------

# Each switch stops one network call: guideline mapping, platform downloads, the PyPI update
# check, external modules. The dead proxy makes anything missed fail at once instead of hanging.
CHECKOV_ENV = {
    "BC_SKIP_MAPPING": "TRUE",
    "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true",
    "CHECKOV_DOWNLOAD_EXTERNAL_MODULES": "false",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "NO_PROXY": "",
}


def _checkov() -> Path:
    candidates = [os.environ.get("VAULT_CHECKOV", ""), str(ROOT / ".venv-tools/bin/checkov")]
    which = shutil.which("checkov")
    for candidate in [*candidates, which or ""]:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    reason = "checkov not installed: `make install` puts it in .venv-tools"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def _run_checkov(directory: Path, home: Path) -> list[dict[str, Any]]:
    env = {**os.environ, **CHECKOV_ENV, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache")}
    env.pop("BC_API_KEY", None)
    answer = subprocess.run(
        [
            str(_checkov()),
            "-d",
            str(directory),
            "--framework",
            "terraform",
            "dockerfile",
            "--skip-download",
            "--compact",
            "-o",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
        cwd=directory,
    )
    assert answer.stdout.strip(), answer.stderr[-2000:]
    reports = json.loads(answer.stdout)
    return reports if isinstance(reports, list) else [reports]


def test_checkov_finds_no_failed_check_and_every_skip_has_a_reason(tmp_path: Path) -> None:
    reports = {r["check_type"]: r for r in _run_checkov(INFRA, tmp_path)}
    assert set(reports) == {"terraform", "dockerfile"}
    for kind, report in reports.items():
        summary = report["summary"]
        failed = [f"{c['check_id']} {c['resource']}" for c in report["results"]["failed_checks"]]
        assert failed == [], kind
        assert summary["parsing_errors"] == 0, kind
        assert summary["passed"] > 0, kind
        for skipped in report["results"]["skipped_checks"]:
            reason = skipped["check_result"].get("suppress_comment", "")
            assert len(reason.split()) >= 5, f"{skipped['check_id']} skipped without a reason"


def test_checkov_fails_a_public_bucket(tmp_path: Path) -> None:
    copy = tmp_path / "infra"
    shutil.copytree(INFRA, copy)
    module = copy / "terraform" / BUCKET_MODULE
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("= true", "= false"), encoding="utf-8")
    (report,) = [r for r in _run_checkov(copy, tmp_path) if r["check_type"] == "terraform"]
    failed = {c["check_id"] for c in report["results"]["failed_checks"]}
    assert "CKV_AWS_53" in failed  # block_public_acls
