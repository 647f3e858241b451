"""FastAPI service for workers and lawyers."""
