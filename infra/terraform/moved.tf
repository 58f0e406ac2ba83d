# Buckets and keys were folded into modules/hardened_bucket and one for_each key resource. These
# blocks carry existing state over to the new addresses, so an apply moves nothing: without them
# Terraform would try to replace the buckets and schedule the keys (and every wrapped key) for
# deletion. Keep them until every deployment has applied once after the fold.

moved {
  from = aws_s3_bucket.vault
  to   = module.vault_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_versioning.vault
  to   = module.vault_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_object_lock_configuration.vault
  to   = module.vault_bucket.aws_s3_bucket_object_lock_configuration.this
}

moved {
  from = aws_s3_bucket_public_access_block.vault
  to   = module.vault_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.vault
  to   = module.vault_bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.vault
  to   = module.vault_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.vault
  to   = module.vault_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_logging.vault
  to   = module.vault_bucket.aws_s3_bucket_logging.this
}

moved {
  from = aws_s3_bucket_policy.vault
  to   = module.vault_bucket.aws_s3_bucket_policy.this
}

moved {
  from = aws_s3_bucket.audit
  to   = module.audit_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_versioning.audit
  to   = module.audit_bucket.aws_s3_bucket_versioning.this
}

# The audit lock had no count; in the module it is counted (always 1 for the audit bucket).
moved {
  from = aws_s3_bucket_object_lock_configuration.audit
  to   = module.audit_bucket.aws_s3_bucket_object_lock_configuration.this[0]
}

moved {
  from = aws_s3_bucket_public_access_block.audit
  to   = module.audit_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.audit
  to   = module.audit_bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.audit
  to   = module.audit_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.audit
  to   = module.audit_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_logging.audit
  to   = module.audit_bucket.aws_s3_bucket_logging.this
}

moved {
  from = aws_s3_bucket_policy.audit
  to   = module.audit_bucket.aws_s3_bucket_policy.this
}

moved {
  from = aws_kms_key.vault
  to   = aws_kms_key.key["vault"]
}

moved {
  from = aws_kms_alias.vault
  to   = aws_kms_alias.key["vault"]
}

moved {
  from = aws_kms_key.objects
  to   = aws_kms_key.key["objects"]
}

moved {
  from = aws_kms_alias.objects
  to   = aws_kms_alias.key["objects"]
}

moved {
  from = aws_kms_key.audit
  to   = aws_kms_key.key["audit"]
}

moved {
  from = aws_kms_alias.audit
  to   = aws_kms_alias.key["audit"]
}
