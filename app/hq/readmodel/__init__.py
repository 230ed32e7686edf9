"""HQ's read models: typed per-station figures and the network page (migration 0004_read_models)."""
