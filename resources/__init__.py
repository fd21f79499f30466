"""Icons, style sheet, translations and templates (installed as ``ui.resources``)."""
