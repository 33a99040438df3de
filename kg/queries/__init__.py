"""Named SPARQL queries shipped with kg, one ``.rq`` file each.

See :func:`kg.store.list_queries`.
"""
