# Audit export bucket: Object Lock in compliance mode, so no one (root included) can rewrite or
# delete an export before its retention ends; the hash chain inside each export proves integrity.
# Its own KMS key, so nothing done to the vault key touches the audit trail.

module "audit_bucket" {
  source = "./modules/hardened_bucket"

  name        = local.audit_bucket_name
  kms_key_arn = aws_kms_key.key["audit"].arn
  log_bucket  = aws_s3_bucket.access_logs.id

  object_lock_enabled = true
  object_lock_mode    = "COMPLIANCE"
  object_lock_days    = var.audit_retention_days

  # Versions are deleted only after retention; S3 refuses earlier deletion of locked versions anyway.
  noncurrent_expiration_rule_id      = "expire-noncurrent-after-retention"
  noncurrent_version_expiration_days = var.audit_retention_days + 1
  abort_incomplete_multipart_days    = var.abort_incomplete_multipart_days

  # Logging is switched on inside the module; S3 refuses it until the log bucket's policy
  # grants delivery, which a first apply could otherwise create afterwards.
  depends_on = [aws_s3_bucket_policy.access_logs]
}
