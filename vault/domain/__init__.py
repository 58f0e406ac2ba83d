"""Pure logic of the vault: spans, tokens, policies, principals, audit events. No I/O."""
