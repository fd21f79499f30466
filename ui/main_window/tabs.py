"""The window's three tabs, by index, and their names in the settings."""

TAB_CHASE, TAB_MEETING, TAB_ALL = range(3)
VIEW_KEYS = {"chase": TAB_CHASE, "meetings": TAB_MEETING, "directives": TAB_ALL}
