"""The one database handle every model and service uses, bound by ``db.open_db``.

A leaf, so that the models (which need it at class creation) sit below ``db`` (which
opens the file and migrates it, and so needs the models).
"""

import peewee as pw

database = pw.DatabaseProxy()
