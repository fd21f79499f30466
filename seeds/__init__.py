"""Reference and sample data shipped with the app (installed as ``tracker.seeds``)."""
