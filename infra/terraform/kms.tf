# KMS keys. The vault key wraps per-tenant data keys; its policy (keys/) refuses any use without
# a tenant in the encryption context, which S3 cannot supply, so S3 encryption at rest of the
# object bucket uses its own key. The audit key encrypts audit exports, so nothing done to the
# vault key touches the audit trail.

locals {
  # Keys S3 uses on the vault's behalf, each bound to one bucket; auditors may read exports.
  s3_keys = tomap({
    objects = {
      bucket    = local.vault_bucket_name
      vault_sid = "VaultUsesObjectsThroughS3"
      readers   = []
    }
    audit = {
      bucket    = local.audit_bucket_name
      vault_sid = "VaultWritesExportsThroughS3"
      readers   = var.auditor_role_arns
    }
  })

  kms_keys = {
    vault = {
      description = "Vault envelope encryption: per-tenant data keys"
      # The key policy is reviewed as data in keys/, next to the key manifests.
      policy = templatefile("${path.module}/../../keys/kms-key-policy.json", {
        account_id     = local.account_id
        vault_role_arn = aws_iam_role.vault.arn
        admin_role_arn = var.admin_role_arn
      })
    }
    objects = {
      description = "Vault object bucket at rest (S3 SSE-KMS under the envelope encryption)"
      policy      = data.aws_iam_policy_document.s3_key["objects"].json
    }
    audit = {
      description = "Vault audit exports (S3 SSE-KMS on the Object Lock bucket)"
      policy      = data.aws_iam_policy_document.s3_key["audit"].json
    }
  }
}

resource "aws_kms_key" "key" {
  for_each = local.kms_keys

  description              = each.value.description
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.kms_rotation_period_days
  deletion_window_in_days  = var.kms_deletion_window_days
  multi_region             = false
  policy                   = each.value.policy
}

resource "aws_kms_alias" "key" {
  for_each = local.kms_keys

  name          = "alias/${local.name}-${each.key}"
  target_key_id = aws_kms_key.key[each.key].key_id
}

data "aws_iam_policy_document" "s3_key" {
  #checkov:skip=CKV_AWS_109:A key policy's "*" resource is the key itself; administration is limited to the admin role.
  #checkov:skip=CKV_AWS_111:A key policy's "*" resource is the key itself; data-key use is limited to S3 on the key's one bucket.
  #checkov:skip=CKV_AWS_356:In a KMS key policy "*" can only mean the key the policy is attached to.
  for_each = local.s3_keys

  # Without an account-level statement a key can become unmanageable; IAM policies still decide.
  statement {
    sid       = "AccountRootDelegatesToIam"
    effect    = "Allow"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  statement {
    sid    = "AdminManagesButNeverDecrypts"
    effect = "Allow"
    actions = [
      "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey",
      "kms:DisableKey", "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy",
      "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:PutKeyPolicy",
      "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateAlias",
      "kms:UpdateKeyDescription", "kms:RotateKeyOnDemand",
    ]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [var.admin_role_arn]
    }
  }

  # The vault, then the auditors when there are any: only through S3, only for this bucket.
  dynamic "statement" {
    for_each = concat(
      [{ sid = each.value.vault_sid, actions = ["kms:GenerateDataKey", "kms:Decrypt"], principals = [aws_iam_role.vault.arn] }],
      length(each.value.readers) > 0 ? [{ sid = "AuditorsReadExportsThroughS3", actions = ["kms:Decrypt"], principals = each.value.readers }] : [],
    )

    content {
      sid       = statement.value.sid
      effect    = "Allow"
      actions   = statement.value.actions
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = statement.value.principals
      }

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [local.s3_service_endpoint]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:EncryptionContext:aws:s3:arn"
        values   = ["arn:${local.partition}:s3:::${each.value.bucket}"]
      }
    }
  }
}
