# Exact pins: a plan reviewed today must mean the same thing next month. Commit the
# .terraform.lock.hcl that `terraform init` writes, so provider checksums are pinned too.
terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.82.2"
    }
  }

  # Partial configuration: bucket, key, region and lock table come from
  # `terraform init -backend-config=backend.hcl`, kept out of the repository.
  backend "s3" {}
}
