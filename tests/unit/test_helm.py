"""infra/helm/vault rendered by Helm itself (Helm's Go SDK, v4, through the `helm-python-sdk`
wheel: no helm binary is downloaded), each manifest validated against the Kubernetes API schemas
(`kubernetes-validate`, strict) and checkov with no failed check, and held to its properties."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate
import pytest
import yaml

from tests.unit.test_infra import CHECKOV_ENV, _checkov

CHART = Path(__file__).resolve().parents[2] / "infra" / "helm" / "vault"
ENVIRONMENTS = ("values-dev.yaml", "values-prod.yaml")
KUBERNETES = "1.30.0"  # the oldest minor the chart is held to; later ones are a superset
EGRESS = ("upstream", "kms", "s3", "database", "redis")


def render(values_file: str | None, **overrides: Any) -> dict[str, dict[str, Any]]:
    """kind → manifest of the chart rendered with `values_file` (and `overrides` on top)."""
    values = yaml.safe_load((CHART / values_file).read_text()) if values_file else {}
    values |= overrides
    with helm.Chart.load(str(CHART)) as chart:
        rendered = chart.render(values, name="vault", namespace="vault")
    manifests: dict[str, dict[str, Any]] = {}
    for text in rendered.values():
        for doc in yaml.safe_load_all(text):
            if doc:
                assert doc["kind"] not in manifests, doc["kind"]
                manifests[doc["kind"]] = doc
    return manifests


@pytest.fixture(scope="module", params=ENVIRONMENTS)
def rendered(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    return render(request.param)


def test_every_manifest_is_valid_against_the_kubernetes_schemas(
    rendered: dict[str, dict[str, Any]],
) -> None:
    assert {"Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget"} <= set(
        rendered
    )
    for kind, manifest in rendered.items():
        if kind == "ServiceMonitor":  # a CRD (Prometheus Operator): no schema in the package
            with pytest.raises(kubernetes_validate.SchemaNotFoundError):
                kubernetes_validate.validate(manifest, KUBERNETES, strict=True)
            continue
        kubernetes_validate.validate(manifest, KUBERNETES, strict=True)


def test_a_manifest_with_a_misspelt_field_is_refused() -> None:
    deployment = render("values-prod.yaml")["Deployment"]
    deployment["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES, strict=True)


def test_the_pod_is_probed_bounded_and_locked_down(rendered: dict[str, dict[str, Any]]) -> None:
    pod = rendered["Deployment"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert set(container["resources"]) == {"requests", "limits"}
    assert "--workers" in container["command"]
    assert "@sha256:" in container["image"]
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] >= 10000
    assert pod["automountServiceAccountToken"] is False
    # The read-only root leaves the data dir and /tmp as the only places to write.
    assert {m["mountPath"] for m in container["volumeMounts"]} == {"/data", "/tmp"}


def test_secrets_come_by_reference_never_by_value(rendered: dict[str, dict[str, Any]]) -> None:
    (container,) = rendered["Deployment"]["spec"]["template"]["spec"]["containers"]
    for variable in container["env"]:
        assert set(variable) == {"name", "valueFrom"}, variable["name"]
        assert variable["valueFrom"]["secretKeyRef"]["name"] == "vault-secrets"
    for name in rendered["ConfigMap"]["data"]:  # what is not secret, in plain sight
        assert not any(word in name for word in ("API_KEY", "TOKEN", "DATABASE", "REDIS")), name
    assert "Secret" not in rendered  # the chart never creates one: they exist before it


def test_prod_scales_on_cpu_keeps_pods_through_disruptions_and_uses_irsa() -> None:
    prod = render("values-prod.yaml")
    hpa = prod["HorizontalPodAutoscaler"]["spec"]
    assert [m["resource"]["name"] for m in hpa["metrics"]] == ["cpu"]
    assert hpa["minReplicas"] >= 2 and hpa["maxReplicas"] > hpa["minReplicas"]
    assert "replicas" not in prod["Deployment"]["spec"]  # the autoscaler owns the count
    assert prod["PodDisruptionBudget"]["spec"]["minAvailable"] >= 1
    annotations = prod["ServiceAccount"]["metadata"]["annotations"]
    assert annotations["eks.amazonaws.com/role-arn"].startswith("arn:aws:iam::")
    endpoint = prod["ServiceMonitor"]["spec"]["endpoints"][0]
    assert endpoint["path"] == "/metrics"
    assert endpoint["authorization"]["credentials"]["name"] == "vault-secrets"


def test_egress_goes_only_to_dns_and_the_five_dependencies(
    rendered: dict[str, dict[str, Any]],
) -> None:
    policy = rendered["NetworkPolicy"]["spec"]
    assert policy["policyTypes"] == ["Ingress", "Egress"]
    dns, *rules = policy["egress"]
    assert {p["port"] for p in dns["ports"]} == {53}
    assert dns["to"][0]["podSelector"]["matchLabels"] == {"k8s-app": "kube-dns"}
    assert len(rules) == len(EGRESS)
    for rule in rules:
        assert rule["to"] and rule["ports"]  # never an empty `to`, which would mean anywhere
        for peer in rule["to"]:
            cidr = peer.get("ipBlock", {}).get("cidr")
            assert cidr != "0.0.0.0/0"
            assert cidr is not None or "podSelector" in peer


def test_an_egress_without_destinations_is_left_out_rather_than_opened() -> None:
    manifests = render(None)
    assert manifests["NetworkPolicy"]["spec"]["egress"][1:] == []


def test_checkov_finds_no_failed_check_and_every_skip_has_a_reason(tmp_path: Path) -> None:
    out = tmp_path / "manifests"
    out.mkdir()
    for values_file in ENVIRONMENTS:
        for kind, manifest in render(values_file).items():
            (out / f"{values_file[:-5]}-{kind}.yaml").write_text(yaml.safe_dump(manifest))
    home = tmp_path / "home"
    env = {**os.environ, **CHECKOV_ENV, "HOME": str(home), "XDG_CACHE_HOME": str(home / "c")}
    env.pop("BC_API_KEY", None)
    options = ["--framework", "kubernetes", "--skip-download", "--compact", "-o", "json"]
    answer = subprocess.run(
        [str(_checkov()), "-d", str(out), *options],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
        cwd=out,
    )
    assert answer.stdout.strip(), answer.stderr[-2000:]
    report = json.loads(answer.stdout)
    assert report["check_type"] == "kubernetes"
    failed = [f"{c['check_id']} {c['resource']}" for c in report["results"]["failed_checks"]]
    assert failed == []
    assert report["summary"]["parsing_errors"] == 0
    assert report["summary"]["passed"] > 100
    for skipped in report["results"]["skipped_checks"]:
        reason = skipped["check_result"].get("suppress_comment", "")
        assert len(reason.split()) >= 5, f"{skipped['check_id']} skipped without a reason"
