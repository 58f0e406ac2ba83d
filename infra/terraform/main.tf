# Vault production shape: object bucket, envelope key, audit export bucket, IAM for the vault.

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "vault"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  name       = "${var.name_prefix}-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  # Account id in the names keeps them globally unique without random suffixes.
  vault_bucket_name  = "${local.name}-objects-${local.account_id}"
  audit_bucket_name  = "${local.name}-audit-${local.account_id}"
  access_logs_bucket = "${local.name}-access-logs-${local.account_id}"

  s3_service_endpoint = "s3.${local.region}.amazonaws.com"
}
