"""Documents drafted for the worker from the conversation's facts (never sent anywhere)."""

from assistant.documents.arbitration import (
    SECTIONS,
    ArbitrationFacts,
    Document,
    build_application,
    render_docx,
    render_html,
)

__all__ = ["SECTIONS", "ArbitrationFacts", "Document", "build_application", "render_docx", "render_html"]
