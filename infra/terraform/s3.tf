# Object bucket: versioned, private, SSE-KMS under the objects key, TLS only, access-logged;
# uploads may name no other encryption or key. The hardening itself is modules/hardened_bucket.

module "vault_bucket" {
  source = "./modules/hardened_bucket"

  name               = local.vault_bucket_name
  kms_key_arn        = aws_kms_key.key["objects"].arn
  enforce_upload_key = true
  log_bucket         = aws_s3_bucket.access_logs.id

  object_lock_enabled = var.object_lock_enabled
  object_lock_mode    = var.object_lock_mode
  object_lock_days    = var.object_lock_default_days

  noncurrent_expiration_rule_id      = "expire-noncurrent-versions"
  noncurrent_version_expiration_days = var.noncurrent_version_expiration_days
  abort_incomplete_multipart_days    = var.abort_incomplete_multipart_days

  # Logging is switched on inside the module; S3 refuses it until the log bucket's policy
  # grants delivery, which a first apply could otherwise create afterwards.
  depends_on = [aws_s3_bucket_policy.access_logs]
}

# Access-log target for both buckets. S3 server access logging can only deliver into a bucket
# encrypted with SSE-S3, hence AES256 here and the skip below.
resource "aws_s3_bucket" "access_logs" {
  #checkov:skip=CKV_AWS_18:This is the access-log target itself; logging it into itself would loop.
  #checkov:skip=CKV_AWS_145:S3 server access log delivery supports only SSE-S3 (AES256) target buckets, not SSE-KMS.
  #checkov:skip=CKV_AWS_144:Access logs are operational data kept in-region; replicating them adds cost without a recovery need.
  #checkov:skip=CKV2_AWS_62:Nothing consumes events for log objects; they are read in bulk by analysis jobs.
  bucket        = local.access_logs_bucket
  force_destroy = false
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.access_log_retention_days
    }

    noncurrent_version_expiration {
      noncurrent_days = 1
    }
  }

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_incomplete_multipart_days
    }
  }

  depends_on = [aws_s3_bucket_versioning.access_logs]
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  policy = data.aws_iam_policy_document.access_logs.json

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

data "aws_iam_policy_document" "access_logs" {
  statement {
    sid       = "S3ServerAccessLogDelivery"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.access_logs.arn}/s3/*"]

    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [module.vault_bucket.arn, module.audit_bucket.arn]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.access_logs.arn, "${aws_s3_bucket.access_logs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
