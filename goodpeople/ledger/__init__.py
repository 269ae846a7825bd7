"""The volunteer ledger's rules as plain functions: stars, records, corrections, exchanges,
imports, privacy, and the office's dashboard figures."""
