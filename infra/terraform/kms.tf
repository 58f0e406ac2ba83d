# KMS keys. The vault key wraps per-tenant data keys; its policy (keys/) refuses any use without
# a tenant in the encryption context, which S3 cannot supply, so S3 encryption at rest of the
# object bucket uses its own key. The audit key encrypts audit exports, so nothing done to the
# vault key touches the audit trail.

resource "aws_kms_key" "vault" {
  description              = "Vault envelope encryption: per-tenant data keys"
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.kms_rotation_period_days
  deletion_window_in_days  = var.kms_deletion_window_days
  multi_region             = false

  # The key policy is reviewed as data in keys/, next to the key manifests.
  policy = templatefile("${path.module}/../../keys/kms-key-policy.json", {
    account_id     = local.account_id
    vault_role_arn = aws_iam_role.vault.arn
    admin_role_arn = var.admin_role_arn
  })
}

resource "aws_kms_alias" "vault" {
  name          = "alias/${local.name}-vault"
  target_key_id = aws_kms_key.vault.key_id
}

resource "aws_kms_key" "objects" {
  description              = "Vault object bucket at rest (S3 SSE-KMS under the envelope encryption)"
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.kms_rotation_period_days
  deletion_window_in_days  = var.kms_deletion_window_days
  multi_region             = false
  policy                   = data.aws_iam_policy_document.objects_key.json
}

resource "aws_kms_alias" "objects" {
  name          = "alias/${local.name}-objects"
  target_key_id = aws_kms_key.objects.key_id
}

resource "aws_kms_key" "audit" {
  description              = "Vault audit exports (S3 SSE-KMS on the Object Lock bucket)"
  key_usage                = "ENCRYPT_DECRYPT"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = true
  rotation_period_in_days  = var.kms_rotation_period_days
  deletion_window_in_days  = var.kms_deletion_window_days
  multi_region             = false
  policy                   = data.aws_iam_policy_document.audit_key.json
}

resource "aws_kms_alias" "audit" {
  name          = "alias/${local.name}-audit"
  target_key_id = aws_kms_key.audit.key_id
}

data "aws_iam_policy_document" "audit_key" {
  #checkov:skip=CKV_AWS_109:A key policy's "*" resource is the key itself; administration is limited to the admin role.
  #checkov:skip=CKV_AWS_111:A key policy's "*" resource is the key itself; data-key use is limited to S3 on the audit bucket.
  #checkov:skip=CKV_AWS_356:In a KMS key policy "*" can only mean the key the policy is attached to.
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

  statement {
    sid       = "VaultWritesExportsThroughS3"
    effect    = "Allow"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.vault.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [local.s3_service_endpoint]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:aws:s3:arn"
      values   = ["arn:${local.partition}:s3:::${local.audit_bucket_name}"]
    }
  }

  dynamic "statement" {
    for_each = length(var.auditor_role_arns) > 0 ? [1] : []

    content {
      sid       = "AuditorsReadExportsThroughS3"
      effect    = "Allow"
      actions   = ["kms:Decrypt"]
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = var.auditor_role_arns
      }

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [local.s3_service_endpoint]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:EncryptionContext:aws:s3:arn"
        values   = ["arn:${local.partition}:s3:::${local.audit_bucket_name}"]
      }
    }
  }
}

data "aws_iam_policy_document" "objects_key" {
  #checkov:skip=CKV_AWS_109:A key policy's "*" resource is the key itself; administration is limited to the admin role.
  #checkov:skip=CKV_AWS_111:A key policy's "*" resource is the key itself; data-key use is limited to S3 on the object bucket.
  #checkov:skip=CKV_AWS_356:In a KMS key policy "*" can only mean the key the policy is attached to.
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

  statement {
    sid       = "VaultUsesObjectsThroughS3"
    effect    = "Allow"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.vault.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [local.s3_service_endpoint]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:aws:s3:arn"
      values   = ["arn:${local.partition}:s3:::${local.vault_bucket_name}"]
    }
  }
}
