"""Secrets as people paste them: keys named in other languages, prose, command lines, URLs, and
credentials on their own; and what only looks like one."""

from __future__ import annotations

import pytest

from vault.adapters.detection import PresidioDetector

TOKEN = "uV5TktkbttKIF4yMAK0f81DhRT7VJLJuhWr5"


def _secrets(detector: PresidioDetector, text: str) -> set[str]:
    return {text[s.start : s.end] for s in detector.detect(text) if s.entity_type == "SECRET"}


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Hallo Lotte, das Passwort lautet Sunshine!515! (bitte ändern).", "Sunshine!515!"),
        ("Hola, la contraseña es Qwerty$1735 y caduca en 30 días.", "Qwerty$1735"),
        ("Bonjour, le mot de passe est Kiwi#45x pour le compte invité.", "Kiwi#45x"),
        ("the password for the staging box is Dragon$1149 - don't share it", "Dragon$1149"),
        ("the key for the staging box is 98847c518b70ca2ad6b21582fb753a4957295b84.",
         "98847c518b70ca2ad6b21582fb753a4957295b84"),
        ("das Passwort lautet correct-violet-tiger-marble", "correct-violet-tiger-marble"),
        ('{"wachtwoord": "Berlin@693!"}', "Berlin@693!"),
        ("MOT_DE_PASSE=aHSaYI5JzdVeJzSojo89WcGUaz", "aHSaYI5JzdVeJzSojo89WcGUaz"),
        ("database:\n  pw: lantern-canyon-battery-staple\n", "lantern-canyon-battery-staple"),
        ("mysql -h db -u admin -pS3cr3t!x < dump.sql", "S3cr3t!x"),
        ("tool --api-key wTlP2BhvDHPaQq9YFoFbBUB0mmtXrpA9 run", "wTlP2BhvDHPaQq9YFoFbBUB0mmtXrpA9"),
        ("postgres://svc:nj+4ehHYDzcb/toyRP/gU=@db.internal:5432/app", "nj+4ehHYDzcb/toyRP/gU="),
        (f"here you go: {TOKEN}\n(thanks)", TOKEN),
        # issuers' prefixes
        ("XAI_KEY xai-" + "aB3" * 20, "xai-" + "aB3" * 20),
        ("token dapi" + "0a1b" * 8 + " ok", "dapi" + "0a1b" * 8),
        ("mailchimp " + "9f3c" * 8 + "-us6", "9f3c" * 8 + "-us6"),
        ("bot 123456789:AA" + "Hk2_" * 8 + "x done", "123456789:AA" + "Hk2_" * 8 + "x"),
        # quoted phrases, markup and command lines
        ('passphrase "correct horse battery staple"', "correct horse battery staple"),
        ("password: 'my dog has fleas'", "my dog has fleas"),
        ("<password>Sup3rS3cret</password>", "Sup3rS3cret"),
        ('<ns:ApiKey type="x">abc123XYZ987</ns:ApiKey>', "abc123XYZ987"),
        ("curl -u admin:S3cr3tPass! https://api.example.com", "S3cr3tPass!"),
        ("wget --user=bob:hunter22 http://example.com", "hunter22"),
        ("login failed for ann@example.com with password cobalt?1552velvet (logged)",
         "cobalt?1552velvet"),
        ("Passwort Winter!2024 bitte ändern", "Winter!2024"),
    ],
)  # fmt: skip
def test_secret_is_found(detector: PresidioDetector, text: str, secret: str) -> None:
    # A secret glued to its flag ("-pS3cr3t!x") is masked with the flag's letter.
    assert any(secret in found for found in _secrets(detector, text))


@pytest.mark.parametrize(
    "text",
    [
        "gcc -pthread -pedantic main.c",
        "mkdir -p build && docker run -p 8080:80 app",
        "see https://host.example:8080/a@b for details",
        "the key to success is persistence",
        "commit 98847c518b70ca2ad6b21582fb753a4957295b84 fixed it",
        "request id 8fafaafa-04da-41c2-a79e-4d55e4a8f1b2",
        "password: ********",
        "DB_PASSWORD=${DB_PASSWORD}",
        "le mot de passe est oublié",
        'Enter your password "in the box below" please',
        "git push -u origin:main",
        "password reset link sent",
        "password policy v2.1 applies",
        "<password></password>",
        "snake_case_setting_name_for_the_password_policy_v2",
        "data:image/png;base64,"
        + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk" * 4,
    ],
)
def test_not_a_secret(detector: PresidioDetector, text: str) -> None:
    assert not _secrets(detector, text)
