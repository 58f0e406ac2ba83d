# The vault's IAM role: its own bucket prefix, its own key with a tenant in every encryption
# context, write-only audit exports. Nothing else; no "*" in any action or resource.

resource "aws_iam_role" "vault" {
  name                 = "${local.name}-vault"
  description          = "Runtime role of the Vault service"
  assume_role_policy   = data.aws_iam_policy_document.vault_assume.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "vault_assume" {
  statement {
    sid     = "TrustedWorkloads"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = var.vault_trusted_services
    }

    # Confused-deputy guard: only workloads of this account may hand the role out.
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role_policy" "vault" {
  name   = "${local.name}-vault"
  role   = aws_iam_role.vault.id
  policy = data.aws_iam_policy_document.vault.json
}

data "aws_iam_policy_document" "vault" {
  # Exactly the calls the S3 object store makes (put, multipart, versioned get, delete of
  # a version it has just written when an ingest fails), and only under the vault's prefix.
  statement {
    sid    = "ObjectsUnderVaultPrefix"
    effect = "Allow"
    actions = [
      "s3:PutObject",
      "s3:AbortMultipartUpload",
      "s3:GetObject",
      "s3:GetObjectVersion",
      "s3:DeleteObjectVersion",
    ]
    resources = ["${module.vault_bucket.arn}/${var.vault_s3_prefix}*"]
  }

  # Readiness confirms the bucket is versioned (HeadBucket would need s3:ListBucket).
  statement {
    sid       = "ReadinessChecksVersioning"
    effect    = "Allow"
    actions   = ["s3:GetBucketVersioning"]
    resources = [module.vault_bucket.arn]
  }

  # Readiness confirms the key is enabled; DescribeKey returns metadata, never key material.
  statement {
    sid       = "ReadinessDescribesKey"
    effect    = "Allow"
    actions   = ["kms:DescribeKey"]
    resources = [aws_kms_key.key["vault"].arn]
  }

  # Envelope encryption: every data key is bound to a tenant through the encryption context,
  # so a call without one (or with an empty tenant) is refused by IAM, not just by the code.
  statement {
    sid    = "TenantBoundDataKeys"
    effect = "Allow"
    actions = [
      "kms:GenerateDataKey",
      "kms:Decrypt",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
    ]
    resources = [aws_kms_key.key["vault"].arn]

    condition {
      test     = "StringLike"
      variable = "kms:EncryptionContext:tenant"
      values   = ["?*"]
    }
  }

  # SSE-KMS on the object bucket: S3 calls KMS for the vault with its own context (the bucket
  # ARN, as bucket keys are on); allowed only through S3 and only for this bucket.
  statement {
    sid       = "BucketEncryptionThroughS3"
    effect    = "Allow"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.key["objects"].arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = [local.s3_service_endpoint]
    }

    condition {
      test     = "StringLike"
      variable = "kms:EncryptionContext:aws:s3:arn"
      values   = [module.vault_bucket.arn, "${module.vault_bucket.arn}/${var.vault_s3_prefix}*"]
    }
  }

  # Audit exports are write-only for the vault; the audit key policy allows the S3 data keys.
  # `vault audit ship` sets each object's own retention, which S3 checks as PutObjectRetention.
  statement {
    sid       = "WriteAuditExports"
    effect    = "Allow"
    actions   = ["s3:PutObject", "s3:PutObjectRetention"]
    resources = ["${module.audit_bucket.arn}/${var.audit_s3_prefix}*"]
  }

  # Shipping resumes by listing the segment names it wrote (tenant and seqs, nothing else).
  statement {
    sid       = "ListShippedAuditSegments"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [module.audit_bucket.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.audit_s3_prefix}*"]
    }
  }
}

# Not attached to the vault role: whatever launches the process (an ECS task execution role,
# say) reads the two SecureString parameters and injects them as environment variables.
resource "aws_iam_policy" "runtime_secrets" {
  name        = "${local.name}-vault-runtime-secrets"
  description = "Read the Vault database URL and Groq API key parameters at launch"
  policy      = data.aws_iam_policy_document.runtime_secrets.json
}

data "aws_iam_policy_document" "runtime_secrets" {
  statement {
    sid       = "ReadVaultParameters"
    effect    = "Allow"
    actions   = ["ssm:GetParameters"]
    resources = [local.database_url_parameter_arn, local.groq_api_key_parameter_arn]
  }

  dynamic "statement" {
    for_each = var.secrets_kms_key_arn == null ? [] : [var.secrets_kms_key_arn]

    content {
      sid       = "DecryptVaultParametersThroughSsm"
      effect    = "Allow"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ssm.${local.region}.amazonaws.com"]
      }
    }
  }
}
