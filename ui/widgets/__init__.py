"""Small input widgets shared by the dialogs: dates, quarters, organizations, messages."""

from ui.widgets.date_field import DateField
from ui.widgets.field_message import FieldMessage
from ui.widgets.list_line_edit import ListLineEdit
from ui.widgets.org_catalog import OrgCatalog, OrgChoice
from ui.widgets.org_picker import OrgPicker
from ui.widgets.quarter_edit import QuarterEdit

__all__ = [
    "DateField",
    "FieldMessage",
    "ListLineEdit",
    "OrgCatalog",
    "OrgChoice",
    "OrgPicker",
    "QuarterEdit",
]
