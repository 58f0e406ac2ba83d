"""The `vault` command line: serve, API keys, text operations, evaluation, audit, keys.

Commands run in local mode (on the vault's own host, on its database, as an operator of a
`--tenant`) or, given `--url` and an API key, in remote mode, through `vault.client` with the
key's tenant and roles; output and exit status are the same either way.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from vault.settings import Settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="vault",
    help=(
        "A privacy data vault between people's data and an LLM.\n\n"
        "Remote mode: with --url URL and an API key (--key, VAULT_KEY, or asked for), scan, "
        "anonymize, reidentify, datasets upload|list|versions|download, jobs and audit "
        "export|verify go to that vault over HTTP as the key's tenant and roles. Local-only, "
        "for operators on the vault's host: apikey, keys, datasets sweep|infer, audit "
        "public-key|ship. In local mode --tenant names the tenant to act for."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
apikey_app = typer.Typer(
    help="(local only) Create, list and revoke API keys.", no_args_is_help=True
)
keys_app = typer.Typer(help="(local only) KMS keys: rewrap and shred.", no_args_is_help=True)
app.add_typer(apikey_app, name="apikey")
app.add_typer(keys_app, name="keys")
datasets_app = typer.Typer(help="Upload, list and download datasets.", no_args_is_help=True)
app.add_typer(datasets_app, name="datasets")
audit_app = typer.Typer(
    help="Export and verify the tamper-evident audit trail.", no_args_is_help=True
)
app.add_typer(audit_app, name="audit")

InputFile = Annotated[str, typer.Argument(help="A file to read, or - for standard input.")]
Tenant = Annotated[str, typer.Option("--tenant", help="The tenant whose tokens to use.")]
# Required in local mode, refused in remote mode (a key acts for its own tenant).
TenantOption = Annotated[
    str | None,
    typer.Option("--tenant", help="The tenant to act for (local mode, where it is required)."),
]
Jsonl = Annotated[
    bool, typer.Option("--jsonl", help='Read lines {"text": ...}; write one line each.')
]


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"vault: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def _options(
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            envvar="VAULT_URL",
            help="A vault's base URL: run the remote commands against it over HTTP.",
        ),
    ] = None,
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            envvar="VAULT_KEY",
            help="The API key for --url (else VAULT_KEY, else asked for without echo).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Where remote commands go; kept for `_client()` (the callback runs before any command)."""
    _target.clear()
    _target.update(url=url, key=key)


# --url and --key (or VAULT_URL and VAULT_KEY) of the running invocation.
_target: dict[str, str | None] = {}


def _remote_url() -> str | None:
    url = _target.get("url")
    return url if isinstance(url, str) and url.strip() else None


def _client() -> Any:
    """A `vault.client.VaultClient` for --url in remote mode, or None in local mode. The key
    comes from --key or VAULT_KEY, else from a prompt that does not echo it."""
    url = _remote_url()
    if url is None:
        return None
    key = _target.get("key")
    if not key:
        if not sys.stdin.isatty():
            raise fail("--url needs an API key: give --key or set VAULT_KEY")
        key = typer.prompt("API key", hide_input=True, err=True)
    from vault.client import VaultClient

    try:
        return VaultClient(url, str(key))
    except ValueError as exc:
        raise fail(str(exc).replace("base_url", "--url").replace("api_key", "--key")) from None


def _local_only(command: str) -> None:
    """Refuse an operator's command in remote mode rather than run it on this machine."""
    if _remote_url() is not None:
        raise fail(
            f"`vault {command}` is local-only: run it on the vault's host, without --url "
            "or VAULT_URL"
        )


def _tenant_for(tenant: str | None, *, remote: bool) -> str:
    """The tenant of a local command (required), or "" for a remote one (refused there)."""
    if remote:
        if tenant is not None:
            raise fail("--tenant is not used with --url: a key acts for its own tenant")
        return ""
    if tenant is None:
        raise fail("--tenant is required in local mode: name the tenant to act for")
    return tenant


@contextlib.contextmanager
def _remote_errors(*, bad_request: int = 1) -> Iterator[None]:
    """The client's errors as the local commands report theirs: `vault: message`, exit 1
    (`bad_request` for a 400 where the local command gives 2); never a traceback."""
    from vault.client import AuthenticationError, BadRequestError, VaultClientError

    try:
        yield
    except AuthenticationError as exc:
        raise fail(
            f"{exc.message}: the vault refused the key (check --key or VAULT_KEY)", 1
        ) from None
    except BadRequestError as exc:
        raise fail(exc.message, bad_request) from None
    except VaultClientError as exc:
        raise fail(exc.message, 1) from None


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment; a bad one stops the command with one line naming its
    variable, and an unknown `VAULT_*` variable is warned about with the nearest known name."""
    import os

    from vault.settings import describe_error, unknown_variables

    for warning in unknown_variables(os.environ):
        typer.echo(f"vault: warning: {warning}", err=True)
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise fail(describe_error(exc)) from None
    for warning in settings.deprecations():
        typer.echo(f"vault: warning: {warning}", err=True)
    return settings


def _vault(settings: Settings | None = None) -> Any:
    """The vault on the configured backends; a start-up failure is one line saying what to fix."""
    from vault.wiring import build_vault

    settings = settings or load_settings()
    with _startup_errors(settings):
        return build_vault(settings)


@contextlib.contextmanager
def _startup_errors(settings: Settings) -> Iterator[None]:
    """Turn a failure to start into one line naming the variable or file to fix (exit 1-2)."""
    from sqlalchemy.exc import SQLAlchemyError

    from vault.domain.policy import PolicyError
    from vault.errors import VaultError

    try:
        yield
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    except PolicyError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        where = exc.filename or settings.data_dir
        raise fail(
            f"cannot use {where} ({exc.strerror or type(exc).__name__}): "
            "point VAULT_DATA_DIR at a directory this user can write"
        ) from None
    except SQLAlchemyError as exc:
        fix = (
            "check VAULT_DATABASE_URL"
            if settings.database_url
            else f"check that VAULT_DATA_DIR ({settings.data_dir}) is writable"
        )
        raise fail(f"cannot open the metadata database ({type(exc).__name__}): {fix}") from None


def _audit_cli(
    vault: Any,
    tenant: str,
    action: str,
    object_id: str | None,
    details: dict[str, Any] | None = None,
    *,
    purpose: str | None = None,
    outcome: str = "ok",
) -> None:
    """Record an operator's CLI action in the tenant's audit chain, as the API would."""
    from vault.domain.audit import AuditEvent

    event = AuditEvent(
        tenant=tenant,
        actor="cli",
        action=action,
        outcome=outcome,
        object=object_id,
        purpose=purpose,
        details=details or {},
    )
    vault.audit.append(event)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes, each a full vault on the same backends "
            "(default: one per core; 1 on the embedded SQLite database).",
        ),
    ] = None,
) -> None:
    """Serve the HTTP API (datasets, proxy, audit) on the configured backends."""
    import uvicorn

    from vault.api import create_app
    from vault.api.access_log import AccessLog

    settings = load_settings()
    count = _worker_count(settings, workers)
    vault = _vault(settings)
    if count > 1:
        from vault.api.app import run_startup_tasks

        try:  # once for all workers, before they start: the schema was migrated by _vault
            with _startup_errors(settings):
                run_startup_tasks(vault)
        finally:
            vault.close()
        from vault.api.workers import reuse_port_supported, serve_workers

        if reuse_port_supported():
            try:
                status = serve_workers(
                    "vault.cli:worker_app",
                    host=host,
                    port=port,
                    workers=count,
                    log_config=_log_config(),
                )
            except OSError as exc:
                raise fail(f"cannot listen on {host}:{port}: {exc.strerror}", 1) from None
            if status:
                raise typer.Exit(status)
            return
        uvicorn.run(
            "vault.cli:worker_app",
            factory=True,
            workers=count,
            host=host,
            port=port,
            log_level="info",
            access_log=False,
            log_config=_log_config(),
        )
        return
    try:
        with _startup_errors(settings):
            served = AccessLog(create_app(vault=vault))
        # uvicorn's own access log prints each raw path and query string; ours prints the
        # route template instead (see vault.api.access_log).
        uvicorn.run(
            served,
            host=host,
            port=port,
            log_level="info",
            access_log=False,
            log_config=_log_config(),
        )
    finally:
        vault.close()


def worker_app() -> Any:
    """One worker of `vault serve --workers N`: a full vault, its start-up tasks left to the
    parent, which ran them once before starting the workers."""
    from vault.api import create_app
    from vault.api.access_log import AccessLog

    return AccessLog(create_app(Settings(), startup_tasks=False))


def _worker_count(settings: Settings, asked: int | None) -> int:
    """How many workers to start: as asked, else one per core this process may use; one on
    SQLite, which takes one writer at a time."""
    import os

    on_sqlite = settings.resolved_database_url.startswith("sqlite")
    if asked is None:
        return 1 if on_sqlite else len(os.sched_getaffinity(0))
    if asked > 1 and on_sqlite:
        raise fail(
            "--workers above 1 needs a database server (VAULT_DATABASE_URL): "
            "SQLite takes one writer at a time"
        )
    if asked > 1 and settings.redis_url is None:
        typer.echo(
            "vault: warning: without VAULT_REDIS_URL each worker keeps its own rate limits, "
            "detection cache and audit door",
            err=True,
        )
    return asked


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, plus the vault's own loggers (the access log among them) on stdout."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["vault"] = {"format": "%(levelname)s:     %(message)s"}
    config["handlers"]["vault"] = {
        "class": "logging.StreamHandler",
        "formatter": "vault",
        "stream": "ext://sys.stdout",
    }
    config["loggers"]["vault"] = {"handlers": ["vault"], "level": "INFO", "propagate": False}
    return config


@apikey_app.command("create")
def apikey_create(
    tenant: Annotated[str, typer.Option(help="The tenant the key acts for.")],
    role: Annotated[list[str], typer.Option(help="A role; repeat for several.")],
    label: Annotated[str | None, typer.Option(help="A note for humans.")] = None,
    expires_in_days: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """(local only) Create a key; the key itself is printed alone on the last line, once."""
    _local_only("apikey create")
    from datetime import UTC, datetime, timedelta

    from vault.errors import VaultError
    from vault.services.apikeys import create_api_key

    vault = _vault()
    expires = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
    try:
        info, secret = create_api_key(
            vault.api_keys, tenant=tenant, roles=role, label=label, expires_at=expires
        )
    except VaultError as exc:
        raise fail(exc.message) from None
    _audit_cli(vault, tenant, "apikey.create", info.id, {"roles": "/".join(sorted(info.roles))})
    typer.echo(
        f"created key {info.id} for tenant {info.tenant} with roles {','.join(sorted(info.roles))}"
    )
    typer.echo(secret)


@apikey_app.command("list")
def apikey_list(tenant: Annotated[str | None, typer.Option()] = None) -> None:
    """(local only) List keys (never their secrets)."""
    _local_only("apikey list")
    from vault.services.apikeys import list_api_keys

    for info in list_api_keys(_vault().api_keys, tenant=tenant):
        state = "revoked" if info.revoked_at else "active"
        typer.echo(f"{info.id}\t{info.tenant}\t{','.join(sorted(info.roles))}\t{state}")


@apikey_app.command("roles")
def apikey_roles(
    key_id: str,
    role: Annotated[list[str], typer.Option(help="The key's roles from now on; repeat.")],
) -> None:
    """(local only) Set a key's roles (as the operator, not bound by the policy's grants);
    audited with the roles before and after."""
    _local_only("apikey roles")
    from vault.errors import VaultError
    from vault.services.apikeys import change_api_key_roles

    vault = _vault()
    found = vault.api_keys.get(key_id) if key_id.isalnum() else None
    tenant = found[0].tenant if found else "_system"

    def record(action: str, *, object_id: str | None = None, **fields: Any) -> None:
        _audit_cli(vault, tenant, action, object_id, fields.get("details"))

    try:
        info = change_api_key_roles(
            vault.api_keys, vault.access_policy, None, record, key_id, roles=role
        )
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    typer.echo(
        f"key {info.id} of tenant {info.tenant} now has roles {','.join(sorted(info.roles))}"
    )


@apikey_app.command("revoke")
def apikey_revoke(key_id: str) -> None:
    """(local only) Revoke a key at once."""
    _local_only("apikey revoke")
    from vault.errors import VaultError
    from vault.services.apikeys import revoke_api_key

    vault = _vault()
    try:
        info = revoke_api_key(vault.api_keys, key_id)
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    _audit_cli(vault, info.tenant, "apikey.revoke", key_id)
    typer.echo(f"revoked {key_id}")


def _read_input(source: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise fail(f"cannot read {source}: {exc.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"input is not valid UTF-8 (byte {exc.start})") from None


def _jsonl_texts(raw: str) -> list[str]:
    texts = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise fail(f"line {number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise fail(f'line {number}: expected an object with a string "text"')
        texts.append(item["text"])
    return texts


def _each_text(
    source: str, jsonl: bool, line: Callable[[str], dict[str, Any]], plain: Callable[[str], str]
) -> None:
    """Run one text operation over a whole input, or over each `{"text": ...}` line of it."""
    raw = _read_input(source)
    if not jsonl:
        typer.echo(plain(raw), nl=False)
        return
    for text in _jsonl_texts(raw):
        typer.echo(json.dumps(line(text)))


@app.command()
def scan(source: InputFile = "-", jsonl: Jsonl = False) -> None:
    """Print the PII spans found in a text (or one JSON line per input with --jsonl)."""
    client = _client()
    if client is None:
        find = _vault().anonymizer.find_spans
    else:

        def find(text: str) -> list[Any]:
            with _remote_errors():
                return list(client.text.detect(text))

    def as_dict(span: Any) -> dict[str, Any]:
        return {
            "entity_type": span.entity_type,
            "start": span.start,
            "end": span.end,
            "score": round(span.score, 4),
        }

    _each_text(
        source,
        jsonl,
        lambda text: {"entities": [as_dict(s) for s in find(text)]},
        lambda text: "".join(
            f"{s.start}\t{s.end}\t{s.entity_type}\t{s.score:.2f}\n" for s in find(text)
        ),
    )


@app.command()
def anonymize(source: InputFile = "-", tenant: TenantOption = None, jsonl: Jsonl = False) -> None:
    """Print the text with PII replaced under the policy."""
    client = _client()
    owner = _tenant_for(tenant, remote=client is not None)
    if client is None:
        anonymizer = _vault().anonymizer

        def run(text: str) -> Any:
            return anonymizer.anonymize(owner, text)
    else:

        def run(text: str) -> Any:
            with _remote_errors():
                return client.text.anonymize(text)

    def line(text: str) -> dict[str, Any]:
        result = run(text)
        return {"text": result.text, "entities": result.counts()}

    _each_text(source, jsonl, line, lambda text: run(text).text)


@app.command()
def reidentify(
    source: InputFile = "-",
    tenant: TenantOption = None,
    jsonl: Jsonl = False,
    purpose: Annotated[
        str | None, typer.Option(help="Why, one of the access policy's (required with --url).")
    ] = None,
) -> None:
    """Print the text with this tenant's tokens replaced by their values."""
    client = _client()
    owner = _tenant_for(tenant, remote=client is not None)
    if client is None:
        reidentifier = _vault().reidentifier

        def run(text: str) -> Any:
            return reidentifier.reidentify(owner, text)
    else:
        if purpose is None:
            raise fail("reidentify needs --purpose with --url")

        def run(text: str) -> Any:
            with _remote_errors(bad_request=2):
                return client.text.reidentify(text, purpose=purpose)

    def line(text: str) -> dict[str, Any]:
        result = run(text)
        return {"text": result.text, "unresolved": list(result.unresolved)}

    _each_text(source, jsonl, line, lambda text: run(text).text)


@app.command("eval")
def evaluate(
    dataset: Annotated[Path, typer.Argument(help="A labelled set in presidio-research JSON.")],
    baseline: Annotated[
        str | None, typer.Option(help="'presidio' to score vanilla Presidio too.")
    ] = None,
    by_locale: Annotated[
        bool, typer.Option("--by-locale", help="Also score each record's `locale` apart.")
    ] = False,
) -> None:
    """Recall, precision, F2 and leaked PII characters per entity and overall (and per locale
    with --by-locale), beside the baseline when asked."""
    from vault.services.evaluate import run_eval
    from vault.wiring import build_detectors

    try:
        samples = json.loads(dataset.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise fail(f"cannot read {dataset}: {exc}") from None
    if baseline not in (None, "presidio"):
        raise fail("--baseline takes 'presidio'")
    detector, base = build_detectors(baseline=baseline == "presidio")
    report = run_eval(samples, detector, base, by_locale=by_locale)
    typer.echo(report.render())


@keys_app.command("rewrap")
def keys_rewrap(
    to_key_id: Annotated[
        str | None, typer.Option(help="Target KMS key; default the primary.")
    ] = None,
) -> None:
    """(local only) Rewrap every stored data key under the primary (or given) KMS key."""
    _local_only("keys rewrap")
    from vault.services.rotate_keys import rewrap_all

    vault = _vault()
    target = to_key_id or vault.keys.primary_key_id
    report = rewrap_all(
        keys=vault.keys,
        tenant_keys=vault.tenant_keys,
        catalog=vault.datasets,
        to_key_id=target,
        signing_keys=vault.signing_keys,
    )
    counts = {
        "tenant_roots": report.tenant_roots,
        "dataset_versions": report.dataset_versions,
        "signing_keys": report.signing_keys,
    }
    _audit_cli(vault, "_system", "keys.rotate", None, counts)
    typer.echo(
        f"rewrapped {report.tenant_roots} tenant keys, {report.dataset_versions} dataset versions"
        f" and {report.signing_keys} audit signing keys"
    )


@keys_app.command("rotate")
def keys_rotate(
    signing: Annotated[
        bool, typer.Option("--signing", help="Rotate the audit signing key (Ed25519).")
    ] = False,
) -> None:
    """(local only) Rotate the audit signing key: a fresh key signs from now on; checkpoints
    signed before keep verifying under the old key, which every export lists. Restart running
    servers to sign with the new key."""
    _local_only("keys rotate")
    from vault.errors import VaultError
    from vault.services.rotate_keys import rotate_signing_key

    if not signing:
        raise fail("say which key to rotate: --signing (KMS keys rotate in KMS; then keys rewrap)")
    vault = _vault()
    try:
        old, new = rotate_signing_key(vault.signing_keys)
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    _audit_cli(
        vault, "_system", "keys.rotate_signing", None, {"old_key_id": old, "new_key_id": new}
    )
    typer.echo(f"audit signing key rotated: {old} retired, {new} current")


@keys_app.command("shred")
def keys_shred(
    tenant: Annotated[str, typer.Option(help="The tenant whose keys to destroy.")],
    dataset: Annotated[str | None, typer.Option(help="Only this dataset's versions.")] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Confirm: this cannot be undone.")] = False,
) -> None:
    """(local only) Crypto-shred a dataset or a whole tenant: it never opens again."""
    _local_only("keys shred")
    from vault.services.rotate_keys import shred_dataset, shred_tenant

    if not yes:
        raise fail("shredding cannot be undone; add --yes to confirm")
    vault = _vault()
    if dataset:
        versions = shred_dataset(vault.datasets, tenant=tenant, dataset_id=dataset)
    else:
        versions = shred_tenant(vault.datasets, vault.tenant_keys, tenant=tenant)
    _audit_cli(vault, tenant, "keys.shred", dataset, {"dataset_versions": versions})
    typer.echo(
        f"shredded {versions} dataset versions" + ("" if dataset else " and the tenant's keys")
    )


def _operator(tenant: str, *roles: str) -> Any:
    """The CLI acts on the vault's own machine, as an operator of `tenant`."""
    from vault.domain.principal import Principal, Role

    return Principal(tenant=tenant, roles=frozenset(Role(r) for r in roles), key_id="cli")


def _read_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            yield chunk


def _upload_bar(label: str) -> Any:
    """The upload's progress bar on stderr: bytes anonymized, rate, ETA and rows."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    return Progress(
        TextColumn(label),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[rows]} rows"),
        console=Console(stderr=True),
    )


@contextlib.contextmanager
def _job_progress(job: Any, *, total: int, label: str) -> Iterator[None]:
    """A progress bar on stderr that follows `job` (bytes anonymized, rows, rate, ETA) while
    the block runs; a redraw thread reads the job's counters, the upload never waits for it."""
    import threading

    progress = _upload_bar(label)
    task = progress.add_task(label, total=total or None, rows=0)
    stop = threading.Event()

    def follow() -> None:
        while not stop.wait(0.1):
            progress.update(task, completed=job.bytes_done, rows=job.rows_done)

    follower = threading.Thread(target=follow, name="vault-progress", daemon=True)
    with progress:
        follower.start()
        try:
            yield
        finally:
            stop.set()
            follower.join()
            progress.update(task, completed=job.bytes_done, rows=job.rows_done)


def _local_ref(vault: Any, tenant: str, ref: str) -> str:
    """The id of the dataset a local command names by id or name; a name no dataset has is
    passed on as it is, for the command's own lookup to refuse (and audit) like any unknown id;
    one that several datasets have stops the command."""
    from vault.errors import Conflict, NotFound
    from vault.services.dataset_names import resolve_dataset_ref

    try:
        return resolve_dataset_ref(vault.datasets, tenant, ref)
    except NotFound:
        return ref
    except Conflict as exc:
        raise fail(exc.message, 1) from None


def _remote_upload(
    client: Any, file: Path, *, name: str | None, dataset: str | None, wait: bool
) -> None:
    """The upload over HTTP as a job: the bar follows the bytes sent, then the job's own
    progress (rows, bytes anonymized) until it ends; the same last line as a local upload."""
    from vault.client import Progress, Upload

    size = file.stat().st_size
    progress = _upload_bar("uploading")
    task = progress.add_task("uploading", total=size or None, rows=0)

    def show(step: Progress) -> None:
        done = step.bytes_done
        if step.job is not None and step.bytes_total is not None:
            # The job counts the whole request; the bar counts the file, as a local upload.
            done = max(0, min(size, done - (step.bytes_total - size)))
        progress.update(task, completed=min(done, size), rows=step.rows_done)

    with _remote_errors(), client:
        if not wait:
            job = client.datasets.submit(file, name=name, dataset=dataset)
            typer.echo(_job_line(job) if not isinstance(job, Upload) else _upload_line(job))
            return
        with progress:
            if dataset is None:
                upload = client.datasets.create(file, name=name or "", progress=show)
            else:
                upload = client.datasets.add_version(dataset, file, progress=show)
            progress.update(task, completed=size, rows=upload.job.rows_done if upload.job else 0)
    typer.echo(_upload_line(upload))


def _upload_line(upload: Any) -> str:
    return (
        f"{upload.dataset.id} version {upload.version.number} ({upload.version.size} bytes sealed)"
    )


@datasets_app.command("upload")
def datasets_upload(
    file: Annotated[
        Path, typer.Argument(help="A .csv, .jsonl or .txt file.", exists=True, dir_okay=False)
    ],
    tenant: TenantOption = None,
    name: Annotated[str | None, typer.Option(help="Name of a new dataset.")] = None,
    dataset: Annotated[
        str | None, typer.Option(help="Add a version to this dataset (its id or name).")
    ] = None,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="With --url: print the job and do not wait.")
    ] = False,
) -> None:
    """Anonymize, seal and store a file as a new dataset or the next version of one, as a job
    followed by a progress bar."""
    from vault.errors import VaultError
    from vault.services.ingest_dataset import IngestRequest, add_version, create_dataset
    from vault.services.upload_job import JobCancelled

    if (name is None) == (dataset is None):
        raise fail("give exactly one of --name (new dataset) or --dataset (new version)")
    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        _remote_upload(client, file, name=name, dataset=dataset, wait=not no_wait)
        return
    if no_wait:
        raise fail("--no-wait needs --url: a local upload runs in this process")
    vault = _vault()
    if dataset is not None:
        dataset = _local_ref(vault, tenant, dataset)
    parts = vault.dataset_parts()
    size = file.stat().st_size
    # The upload is a job like an HTTP one, so `vault jobs list` shows it from elsewhere and
    # `vault jobs cancel` stops it; it runs here, in this process.
    job = vault.job_runner.new_job(
        tenant=tenant,
        kind="dataset.create" if dataset is None else "dataset.version",
        created_by="cli",
        bytes_total=size,
        audit=lambda job_id: (
            lambda action, outcome, details: _audit_cli(
                vault, tenant, action, job_id, details, outcome=outcome
            )
        ),
    )
    upload = IngestRequest(
        filename=file.name,
        content_type=None,
        chunks=job.file(job.count(_read_chunks(file))),
        progress=job.rows,
    )
    operator = _operator(tenant, "uploader")
    try:
        with vault.job_runner.tracked(job), _job_progress(job, total=size, label="uploading"):
            if dataset is None:
                info, version, _ = create_dataset(parts, operator, name=name or "", upload=upload)
            else:
                info, version, _ = add_version(parts, operator, dataset_id=dataset, upload=upload)
            job.rows_done = int((version.report or {}).get("rows", job.rows_done))
    except BaseException as exc:
        job.fail(exc)
        if isinstance(exc, VaultError):
            raise fail(exc.message, 1) from None
        if isinstance(exc, JobCancelled):
            raise fail(f"{job.id} was cancelled; nothing was stored", 1) from None
        raise
    job.succeed(dataset_id=info.id, version=version.number)
    typer.echo(f"{info.id} version {version.number} ({version.size} bytes sealed)")


@datasets_app.command("import")
def datasets_import(
    source: Annotated[str, typer.Argument(help="s3://bucket/prefix: every object under it.")],
    name: Annotated[str, typer.Option(help="Name of the new dataset.")],
    tenant: TenantOption = None,
    format: Annotated[
        str | None, typer.Option(help="csv, jsonl or parquet (else told by the names).")
    ] = None,
    no_wait: Annotated[
        bool, typer.Option("--no-wait", help="With --url: print the job and do not wait.")
    ] = False,
) -> None:
    """Import the objects under an S3 prefix (in key order, read with the vault's S3 settings)
    as a new dataset, as a job followed by a progress bar."""
    from vault.errors import VaultError

    body: dict[str, Any] = {"source": source, "name": name}
    if format is not None:
        body["format"] = format
    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        with _remote_errors(), client:
            job = client.datasets.submit_import(source, name=name, format=format)
            if no_wait:
                typer.echo(_job_line(job))
                return
            upload = client.datasets.finish(job)
        typer.echo(_upload_line(upload))
        return
    if no_wait:
        raise fail("--no-wait needs --url: a local import runs in this process")
    from vault.services.dataset_import import import_dataset

    vault = _vault()

    def record(action: str, outcome: str, object_id: str | None, details: dict[str, Any]) -> None:
        _audit_cli(vault, tenant, action, object_id, details, outcome=outcome)

    engine = vault.dataset_engine
    try:
        job = import_dataset(
            vault,
            _operator(tenant, "uploader"),
            body,
            idempotency_key=None,
            record=record,
            ready=None if engine is None else engine.check,
        )
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    with _job_progress(job, total=job.snapshot().bytes_total or 0, label="importing"):
        job.done.wait()
    ended = job.snapshot()
    if ended.state != "succeeded":
        raise fail(f"{job.id} {ended.state}: {ended.error_message}", 1)
    assert ended.dataset_id is not None  # a succeeded job names what it stored
    assert ended.version is not None
    version = vault.datasets.get_version(tenant, ended.dataset_id, ended.version)
    size = version.size if version is not None else 0
    typer.echo(f"{ended.dataset_id} version {ended.version} ({size} bytes sealed)")


@datasets_app.command("infer")
def datasets_infer(
    dataset: Annotated[str, typer.Argument(help="The source dataset's id or name.")],
    version: Annotated[int, typer.Argument(help="Its version, read anonymized.")],
    model: Annotated[str, typer.Option(help="The model to run.")],
    template: Annotated[str, typer.Option(help='A prompt naming columns: "Classify: {notes}".')],
    tenant: TenantOption = None,
    output_column: Annotated[str, typer.Option(help="The answers' column.")] = "answer",
    mode: Annotated[str, typer.Option(help="online or batch.")] = "online",
    concurrency: Annotated[int, typer.Option(help="Requests in flight (online).")] = 4,
    max_rows: Annotated[int | None, typer.Option(help="Send at most this many rows.")] = None,
    name: Annotated[str | None, typer.Option(help="Name of the derived dataset.")] = None,
) -> None:
    """(local only) Run a model over every row of a stored version; the answers become a
    derived dataset."""
    _local_only("datasets infer")
    tenant = _tenant_for(tenant, remote=False)
    import threading

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from vault.errors import VaultError
    from vault.services.infer import InferDataset

    vault = _vault()
    dataset = _local_ref(vault, tenant, dataset)
    body: dict[str, Any] = {
        "model": model,
        "template": template,
        "output_column": output_column,
        "mode": mode,
        "concurrency": concurrency,
        **({"max_rows": max_rows} if max_rows is not None else {}),
        **({"name": name} if name is not None else {}),
    }

    def record(action: str, outcome: str, object_id: str | None, details: dict[str, Any]) -> None:
        _audit_cli(vault, tenant, action, object_id, details, outcome=outcome)

    operator = _operator(tenant, "analyst", "uploader")
    try:
        started = InferDataset(vault).start(
            operator, dataset, version, body, record=record, run=False
        )
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    job = started.job
    progress = Progress(
        "inferring", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True),
    )  # fmt: skip
    task = progress.add_task("rows", total=started.rows_total)
    stop = threading.Event()

    def follow() -> None:
        while not stop.wait(0.1):
            progress.update(task, completed=job.rows_done)

    try:
        with vault.job_runner.tracked(job), progress:
            follower = threading.Thread(target=follow, name="vault-progress", daemon=True)
            follower.start()
            try:
                dataset_id, number, rows = started.work()
            finally:
                stop.set()
                follower.join()
                progress.update(task, completed=job.rows_done)
    except BaseException as exc:
        ended = job.fail(exc)
        raise fail(f"{job.id} {ended.state}: {ended.error_message}", 1) from None
    job.succeed(dataset_id=dataset_id, version=number, rows=rows)
    typer.echo(f"{dataset_id} version {number} ({rows} rows answered, job {job.id})")


jobs_app = typer.Typer(help="Upload jobs: list, show and cancel them.", no_args_is_help=True)
app.add_typer(jobs_app, name="jobs")


def _job_line(job: Any) -> str:
    done = f"{job.rows_done} rows, {job.bytes_done}"
    done += f"/{job.bytes_total} bytes" if job.bytes_total is not None else " bytes"
    where = f" {job.dataset_id} version {job.version}" if job.version else ""
    error = f" {job.error_code}: {job.error_message}" if job.error_code else ""
    return f"{job.id}\t{job.state}\t{job.kind}\t{done}{where}{error}"


@jobs_app.command("list")
def jobs_list(tenant: TenantOption = None) -> None:
    """A tenant's upload jobs, newest first: one line each."""
    from vault.services.upload_job import list_jobs

    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        with _remote_errors(), client:
            jobs = client.jobs.list()
    else:
        jobs = list_jobs(_vault().jobs, tenant)
    for job in jobs:
        typer.echo(_job_line(job))


@jobs_app.command("show")
def jobs_show(job_id: str, tenant: TenantOption = None) -> None:
    """One job as JSON: state, rows and bytes done, rate, ETA, error, the version it stored."""
    from datetime import UTC, datetime

    from vault.domain.jobs import job_json
    from vault.errors import VaultError
    from vault.services.upload_job import get_job

    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        with _remote_errors(), client:
            typer.echo(json.dumps(client.jobs.get(job_id).raw, indent=2))
        return
    try:
        job = get_job(_vault().jobs, tenant, job_id)
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    typer.echo(json.dumps(job_json(job, datetime.now(UTC)), indent=2))


@jobs_app.command("cancel")
def jobs_cancel(job_id: str, tenant: TenantOption = None) -> None:
    """Stop a job at its next block, wherever it runs; it leaves no version."""
    from vault.errors import VaultError
    from vault.services.upload_job import cancel_job

    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        with _remote_errors(), client:
            typer.echo(_job_line(client.jobs.cancel(job_id)))
        return
    vault = _vault()
    try:
        job = cancel_job(vault.jobs, None, tenant, job_id)
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    _audit_cli(vault, tenant, "job.cancel", job.id, {"state": job.state})
    typer.echo(_job_line(job))


@datasets_app.command("sweep")
def datasets_sweep(
    older_than_minutes: Annotated[
        int, typer.Option(min=1, help="Age of an unfinished upload.")
    ] = 60,
) -> None:
    """(local only) Remove objects and rows left by uploads that never finished (crashes)."""
    _local_only("datasets sweep")
    from datetime import timedelta

    from vault.services.ingest_dataset import sweep_pending

    removed = sweep_pending(
        _vault().dataset_parts(), older_than=timedelta(minutes=older_than_minutes)
    )
    typer.echo(f"removed {removed} unfinished uploads")


@datasets_app.command("list")
def datasets_list(tenant: TenantOption = None) -> None:
    """List a tenant's datasets."""
    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        with _remote_errors(), client:
            datasets = client.datasets.list()
    else:
        datasets = _vault().datasets.list_datasets(tenant)
    for info in datasets:
        typer.echo(f"{info.id}\t{info.name}\tv{info.latest_version}")


@datasets_app.command("versions")
def datasets_versions(
    dataset: Annotated[str, typer.Argument(help="The dataset's id or name.")],
    tenant: TenantOption = None,
) -> None:
    """List a dataset's versions."""
    from vault.errors import VaultError
    from vault.services.ingest_dataset import require_dataset

    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        with _remote_errors(), client:
            versions = client.datasets.versions(dataset)
    else:
        vault = _vault()
        dataset = _local_ref(vault, tenant, dataset)
        try:
            require_dataset(vault.datasets, tenant, dataset)
        except VaultError as exc:
            raise fail(exc.message, 1) from None
        versions = vault.datasets.list_versions(tenant, dataset)
    for version in versions:
        typer.echo(
            f"{version.number}\t{version.format}\t{version.size}\t{version.created_at.isoformat()}"
        )


@datasets_app.command("download")
def datasets_download(
    dataset: Annotated[str, typer.Argument(help="The dataset's id or name.")],
    version: int,
    tenant: TenantOption = None,
    reidentified: Annotated[bool, typer.Option(help="Restore original values.")] = False,
    purpose: Annotated[str | None, typer.Option(help="Why (required with --reidentified).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Write a version's content, anonymized or (with a purpose) re-identified: the purpose is
    one of the access policy's, and the read is audited once, when it ends, with how."""
    from vault.domain.ids import MAX_VERSION, is_dataset_id
    from vault.errors import InvalidRequest, VaultError
    from vault.services.read_dataset import open_content

    if reidentified and not purpose:
        raise fail("--reidentified needs --purpose")
    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        _remote_download(client, dataset, version, reidentified, purpose, output)
        return
    vault = _vault()
    dataset = _local_ref(vault, tenant, dataset)
    operator = _operator(tenant, "reidentifier")
    number = version if 0 < version <= MAX_VERSION else None
    # The record's object only ever holds an id the vault could have issued, never what was typed.
    object_id = f"{dataset}/v{number}" if is_dataset_id(dataset) and number else None

    def record(*, outcome: str, purpose: str | None, details: Mapping[str, Any]) -> None:
        _audit_cli(
            vault,
            tenant,
            "dataset.read",
            object_id,
            dict(details),
            purpose=purpose,
            outcome=outcome,
        )

    try:
        read = open_content(
            vault.dataset_parts(),
            vault.access_policy,
            operator,
            dataset,
            number,
            view="reidentified" if reidentified else "anonymized",
            purpose=purpose,
            reidentifier=vault.reidentifier,
            record=record,
        )
    except InvalidRequest as exc:
        raise fail(exc.message) from None
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    # The output is opened only once the first frame has been verified, and removed if a later
    # one cuts the read, so a damaged version leaves no partial file behind.
    sink = output.open("wb") if output else sys.stdout.buffer
    try:
        read.deliver(sink.write)
    except VaultError as exc:
        if output:
            sink.close()
            output.unlink(missing_ok=True)
        raise fail(exc.message, 1) from None
    finally:
        if output:
            sink.close()


def _remote_download(
    client: Any,
    dataset: str,
    version: int,
    reidentified: bool,
    purpose: str | None,
    output: Path | None,
) -> None:
    """A download over HTTP: to `output` (created once the vault has answered, removed if the
    body is cut) or to stdout as it arrives."""
    with _remote_errors(bad_request=2), client:
        if output is not None:
            client.datasets.download(
                dataset, version, output, reidentified=reidentified, purpose=purpose
            )
            return
        with client.datasets.stream(
            dataset, version, reidentified=reidentified, purpose=purpose
        ) as chunks:
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()


@app.command("fake-groq")
def fake_groq(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8100,
) -> None:
    """Serve a fake Groq API for local demos and tests (echoes prompts back)."""
    from vault.fakegroq import serve as serve_fake

    serve_fake(host, port)


def _aware_time(value: str | None, option: str) -> Any:
    from datetime import datetime

    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} is not an ISO 8601 time") from None
    if moment.utcoffset() is None:
        raise fail(f"{option} needs a time zone, e.g. 2026-01-01T00:00:00Z")
    return moment


@audit_app.command("export")
def audit_export(
    tenant: Annotated[
        str | None,
        typer.Option(help="The tenant whose trail to export (local mode, where it is required)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    since: Annotated[str | None, typer.Option(help="Records at or after this time.")] = None,
    until: Annotated[str | None, typer.Option(help="Records before this time.")] = None,
    output: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """Stream a signed export of a tenant's audit trail (the export itself is recorded first)."""
    from vault.errors import VaultError
    from vault.services.export_audit import export_audit

    client = _client()
    tenant = _tenant_for(tenant, remote=client is not None)
    if client is not None:
        window = {"since": _aware_time(since, "--since"), "until": _aware_time(until, "--until")}
        with _remote_errors(), client:
            if output is not None:
                client.audit.export_to(output, fmt=fmt, **window)
                return
            with client.audit.export(fmt=fmt, **window) as remote_lines:
                for line in remote_lines:
                    sys.stdout.write(line)
        return
    vault = _vault()
    try:
        lines = export_audit(
            vault.audit,
            vault.audit_signer,
            tenant=tenant,
            since=_aware_time(since, "--since"),
            until=_aware_time(until, "--until"),
            fmt=fmt,
            actor="system",
            source="cli",
        )
        if output is None:
            for line in lines:
                sys.stdout.write(line)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(lines)
    except VaultError as exc:
        raise fail(exc.message, 1) from None


@audit_app.command("verify")
def audit_verify(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="An export from `vault audit export` or the API; with --url and no FILE, "
            "a fresh export of the key's tenant, verified here as it arrives."
        ),
    ] = None,
    public_key: Annotated[
        str | None, typer.Option(help="Pin the signing key: base64, from `vault audit public-key`.")
    ] = None,
    key_id: Annotated[str | None, typer.Option(help="Pin the signing key by its key id.")] = None,
) -> None:
    """Check every record, link, checkpoint and signature; name the first bad line (exit 1).
    The check always runs here, whoever made the export."""
    import base64
    import binascii

    from vault.errors import VaultError
    from vault.services.verify_audit import verify_file

    client = _client() if file is None else None
    if file is None and client is None:
        raise fail("give the export FILE to verify (or --url to export and verify at once)")

    pinned = None
    if public_key is not None:
        try:
            pinned = base64.b64decode(public_key, validate=True)
        except (binascii.Error, ValueError):
            raise fail("--public-key is not base64") from None
    try:
        if file is not None or client is None:
            result = verify_file(file or Path("-"), public_key=pinned)
        else:
            with _remote_errors(), client:
                result = client.audit.verify(public_key=pinned)
    except VaultError as exc:
        raise fail(exc.message) from None
    if result.ok and key_id is not None and result.key_id != key_id:
        typer.echo(f"TAMPERED: line 1: signed by key {result.key_id}, not {key_id}")
        raise typer.Exit(1)
    typer.echo(result.message())
    if not result.ok:
        raise typer.Exit(1)


@audit_app.command("public-key")
def audit_public_key() -> None:
    """(local only) Print the audit signing key (base64) and its id, for pinning exports."""
    _local_only("audit public-key")
    import base64

    signer = _vault().audit_signer
    typer.echo(f"key id {signer.key_id}")
    typer.echo(base64.b64encode(signer.public_key_bytes).decode("ascii"))


@audit_app.command("ship")
def audit_ship(
    tenant: Annotated[
        list[str] | None, typer.Option(help="Only this tenant (repeatable); default every one.")
    ] = None,
) -> None:
    """(local only) Ship each tenant's new audit records and checkpoints to the Object Lock
    bucket (VAULT_AUDIT_BUCKET); resumable and idempotent, from a cursor per tenant."""
    _local_only("audit ship")
    from vault.errors import VaultError
    from vault.services.ship_audit import ship_audit

    vault = _vault()
    try:
        report = ship_audit(vault.audit_ship_parts(), tenants=tenant or None)
    except VaultError as exc:
        raise fail(exc.message, 1) from None
    if report.skipped:
        typer.echo("another shipper is running; nothing shipped")
        return
    typer.echo(
        f"shipped {report.records} records in {report.segments} segments and "
        f"{report.checkpoints} checkpoints for {len(report.per_tenant)} of {report.tenants} tenants"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
