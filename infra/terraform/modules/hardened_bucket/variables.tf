# Inputs of a hardened bucket; the root module validates the values it passes in.

variable "name" {
  description = "Globally unique bucket name; also the access-log prefix s3/<name>/."
  type        = string
}

variable "kms_key_arn" {
  description = "ARN of the KMS key that encrypts the bucket at rest (SSE-KMS, bucket key on)."
  type        = string
}

variable "enforce_upload_key" {
  description = "Deny uploads that ask for any other encryption or key than kms_key_arn."
  type        = bool
  default     = false
}

variable "log_bucket" {
  description = "Id of the bucket that receives this bucket's S3 server access logs."
  type        = string
}

variable "object_lock_enabled" {
  description = "Create the bucket with S3 Object Lock (only possible at creation)."
  type        = bool
  default     = false
}

variable "object_lock_mode" {
  description = "Default retention mode (GOVERNANCE or COMPLIANCE) when Object Lock is on."
  type        = string
  default     = "GOVERNANCE"
}

variable "object_lock_days" {
  description = "Default retention of each object version in days; 0 sets no default retention."
  type        = number
  default     = 0
}

variable "noncurrent_expiration_rule_id" {
  description = "Id of the lifecycle rule that expires noncurrent versions."
  type        = string
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which superseded versions are deleted (locked ones wait for retention)."
  type        = number
}

variable "abort_incomplete_multipart_days" {
  description = "Days after which unfinished multipart uploads are aborted."
  type        = number
}
