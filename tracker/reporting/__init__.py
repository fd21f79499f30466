"""The printed follow-up reports: one document model, rendered as HTML, XLSX and DOCX."""
