"""HTTP routes, one module per door."""
