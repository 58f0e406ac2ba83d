# What the vault process needs: plain environment, and secret environment by parameter ARN.

output "vault_env" {
  description = "Non-secret environment variables for the vault process."
  value = {
    VAULT_STORE             = "s3"
    VAULT_S3_BUCKET         = module.vault_bucket.id
    VAULT_S3_PREFIX         = var.vault_s3_prefix
    VAULT_S3_SSE_KMS_KEY_ID = aws_kms_key.key["objects"].arn
    VAULT_KMS               = "aws"
    VAULT_KMS_KEY_ID        = aws_kms_key.key["vault"].arn
    AWS_REGION              = local.region
    AWS_DEFAULT_REGION      = local.region
  }
}

output "vault_secret_env" {
  description = "Secret environment variables, as SSM parameter ARNs for the launcher to inject (ECS valueFrom)."
  value = {
    VAULT_DATABASE_URL = local.database_url_parameter_arn
    GROQ_API_KEY       = local.groq_api_key_parameter_arn
  }
}

output "database_url_shape" {
  description = "Shape of the VAULT_DATABASE_URL value to store in the SSM parameter (password elided)."
  value       = local.database_url_shape
}

output "vault_role_arn" {
  description = "IAM role the vault runs as."
  value       = aws_iam_role.vault.arn
}

output "runtime_secrets_policy_arn" {
  description = "Policy to attach to the launcher (task execution role) that injects the secrets."
  value       = aws_iam_policy.runtime_secrets.arn
}

output "vault_kms_key_arn" {
  description = "Vault envelope key (wraps per-tenant data keys)."
  value       = aws_kms_key.key["vault"].arn
}

output "audit_export_bucket" {
  description = "Object Lock (compliance) bucket for audit exports."
  value       = module.audit_bucket.id
}

output "audit_export_prefix" {
  description = "Key prefix the vault may write audit exports under."
  value       = var.audit_s3_prefix
}

output "access_logs_bucket" {
  description = "S3 server access log bucket for both buckets."
  value       = aws_s3_bucket.access_logs.id
}
