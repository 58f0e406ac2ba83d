# PostgreSQL connection settings. The URL (with its password) is a SecureString parameter made
# out of band; Terraform only references it by name, so no secret enters the repo or the state.

locals {
  ssm_parameter_arn_prefix   = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter"
  database_url_parameter_arn = "${local.ssm_parameter_arn_prefix}${var.database_url_ssm_parameter}"
  groq_api_key_parameter_arn = "${local.ssm_parameter_arn_prefix}${var.groq_api_key_ssm_parameter}"

  # The shape the parameter's value must have; the password is written only into the parameter.
  database_url_shape = "postgresql+psycopg://${var.db_username}:<password>@${var.db_host}:${var.db_port}/${var.db_name}?sslmode=${var.db_sslmode}"
}
