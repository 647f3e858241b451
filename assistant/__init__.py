"""Union Legal Cloud assistant: configuration, retrieval, answers, escalation and the CLI."""
