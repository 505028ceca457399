"""Persistence: the schema's numbered migrations (and, as modules move here, every SQL statement)."""
