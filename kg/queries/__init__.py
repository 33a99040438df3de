"""Named SPARQL queries shipped with kg, one ``.rq`` file each; see :func:`kg.store.list_queries`."""
