# Inputs, each validated so a typo fails at plan time instead of producing a weaker deployment.

variable "aws_region" {
  description = "AWS region for every resource of this stack."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must look like eu-west-1."
  }
}

variable "name_prefix" {
  description = "Short prefix for resource names."
  type        = string
  default     = "vault"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,19}$", var.name_prefix))
    error_message = "name_prefix must be 2-20 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  description = "Deployment stage, part of every name (dev, staging, prod, ...)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,11}$", var.environment))
    error_message = "environment must be 2-12 lowercase letters or digits, starting with a letter."
  }
}

variable "admin_role_arn" {
  description = "IAM role that administers the KMS keys (never uses them to decrypt)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.admin_role_arn))
    error_message = "admin_role_arn must be an IAM role ARN."
  }
}

variable "auditor_role_arns" {
  description = "IAM roles allowed to read audit exports (and decrypt them through S3)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.auditor_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", arn))])
    error_message = "Every auditor_role_arns entry must be an IAM role ARN."
  }
}

variable "vault_trusted_services" {
  description = "AWS services whose workloads may assume the vault role (ECS tasks by default)."
  type        = list(string)
  default     = ["ecs-tasks.amazonaws.com"]

  validation {
    condition = length(var.vault_trusted_services) > 0 && alltrue([
      for service in var.vault_trusted_services : can(regex("^[a-z0-9.-]+\\.amazonaws\\.com$", service))
    ])
    error_message = "vault_trusted_services must be a non-empty list of AWS service principals."
  }
}

variable "vault_s3_prefix" {
  description = "Key prefix the vault writes under (VAULT_S3_PREFIX); its role reaches nothing else."
  type        = string
  default     = "vault/"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]*/$", var.vault_s3_prefix))
    error_message = "vault_s3_prefix must be one lowercase path segment ending in '/', like vault/."
  }
}

variable "audit_s3_prefix" {
  description = "Key prefix for audit exports in the audit bucket."
  type        = string
  default     = "audit/"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9_-]*/$", var.audit_s3_prefix))
    error_message = "audit_s3_prefix must be one lowercase path segment ending in '/', like audit/."
  }
}

variable "object_lock_enabled" {
  description = "Create the object bucket with S3 Object Lock (cannot be turned off later)."
  type        = bool
  default     = false
}

variable "object_lock_mode" {
  description = "Default retention mode for the object bucket when Object Lock is on."
  type        = string
  default     = "GOVERNANCE"

  validation {
    condition     = contains(["GOVERNANCE", "COMPLIANCE"], var.object_lock_mode)
    error_message = "object_lock_mode must be GOVERNANCE or COMPLIANCE."
  }
}

variable "object_lock_default_days" {
  description = "Default retention of each object version in days; 0 means no default retention."
  type        = number
  default     = 0

  validation {
    condition     = var.object_lock_default_days >= 0 && var.object_lock_default_days <= 36500 && floor(var.object_lock_default_days) == var.object_lock_default_days
    error_message = "object_lock_default_days must be a whole number from 0 to 36500."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which superseded object versions are deleted (locked ones wait for their retention)."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1 && floor(var.noncurrent_version_expiration_days) == var.noncurrent_version_expiration_days
    error_message = "noncurrent_version_expiration_days must be a whole number of at least 1."
  }
}

variable "abort_incomplete_multipart_days" {
  description = "Days after which unfinished multipart uploads are aborted and their parts deleted."
  type        = number
  default     = 7

  validation {
    condition     = var.abort_incomplete_multipart_days >= 1 && var.abort_incomplete_multipart_days <= 30
    error_message = "abort_incomplete_multipart_days must be from 1 to 30."
  }
}

variable "audit_retention_days" {
  description = "Compliance-mode retention of every audit export, in days (nobody can shorten it)."
  type        = number
  default     = 2557

  validation {
    condition     = var.audit_retention_days >= 1 && var.audit_retention_days <= 36500 && floor(var.audit_retention_days) == var.audit_retention_days
    error_message = "audit_retention_days must be a whole number from 1 to 36500."
  }
}

variable "access_log_retention_days" {
  description = "Days S3 access logs are kept."
  type        = number
  default     = 365

  validation {
    condition     = var.access_log_retention_days >= 1
    error_message = "access_log_retention_days must be at least 1."
  }
}

variable "kms_rotation_period_days" {
  description = "Automatic rotation period of the KMS keys, in days."
  type        = number
  default     = 365

  validation {
    condition     = var.kms_rotation_period_days >= 90 && var.kms_rotation_period_days <= 2560
    error_message = "kms_rotation_period_days must be from 90 to 2560 (the range AWS KMS accepts)."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before a scheduled key deletion takes effect."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be from 7 to 30."
  }
}

# PostgreSQL: connection settings are plain values; the URL with its password lives only in
# SSM Parameter Store (SecureString) and reaches the process as VAULT_DATABASE_URL.

variable "db_host" {
  description = "PostgreSQL host name (RDS endpoint or similar)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9.-]+$", var.db_host))
    error_message = "db_host must be a host name."
  }
}

variable "db_port" {
  description = "PostgreSQL port."
  type        = number
  default     = 5432

  validation {
    condition     = var.db_port >= 1 && var.db_port <= 65535
    error_message = "db_port must be from 1 to 65535."
  }
}

variable "db_name" {
  description = "PostgreSQL database name."
  type        = string
  default     = "vault"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.db_name))
    error_message = "db_name must be a lowercase PostgreSQL identifier."
  }
}

variable "db_username" {
  description = "PostgreSQL role the vault connects as (its password is only in the SSM parameter)."
  type        = string
  default     = "vault"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.db_username))
    error_message = "db_username must be a lowercase PostgreSQL identifier."
  }
}

variable "db_sslmode" {
  description = "libpq sslmode; anything weaker than require is refused."
  type        = string
  default     = "verify-full"

  validation {
    condition     = contains(["require", "verify-ca", "verify-full"], var.db_sslmode)
    error_message = "db_sslmode must be require, verify-ca or verify-full."
  }
}

variable "database_url_ssm_parameter" {
  description = "Name of the SecureString SSM parameter holding VAULT_DATABASE_URL (created out of band)."
  type        = string

  validation {
    condition     = can(regex("^/[A-Za-z0-9_.\\-/]+$", var.database_url_ssm_parameter))
    error_message = "database_url_ssm_parameter must be a parameter name starting with '/'."
  }
}

variable "groq_api_key_ssm_parameter" {
  description = "Name of the SecureString SSM parameter holding GROQ_API_KEY (created out of band)."
  type        = string

  validation {
    condition     = can(regex("^/[A-Za-z0-9_.\\-/]+$", var.groq_api_key_ssm_parameter))
    error_message = "groq_api_key_ssm_parameter must be a parameter name starting with '/'."
  }
}

variable "secrets_kms_key_arn" {
  description = "Customer managed key encrypting the SSM parameters; null when they use aws/ssm."
  type        = string
  default     = null
  nullable    = true

  validation {
    condition     = var.secrets_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[0-9a-f-]+$", var.secrets_kms_key_arn))
    error_message = "secrets_kms_key_arn must be a KMS key ARN or null."
  }
}
